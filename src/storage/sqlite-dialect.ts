import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
} from "kysely";
import { ErrorTranslatingDriver } from "./error-translating-driver.ts";

/**
 * Kysely's SQLite dialect made safe for several processes on one file:
 *
 * - Every transaction begins IMMEDIATE, taking the write lock up front. A deferred `begin`
 *   that reads and then writes must upgrade its read lock, and SQLite refuses that upgrade at
 *   once with SQLITE_BUSY (no busy timeout) when another process writes; an immediate one
 *   waits for the lock like any single write does.
 * - A database still locked when the busy timeout runs out fails as DATABASE_UNAVAILABLE
 *   ("try again in a moment", 503), never as an unknown error; a duplicate is CONFLICT, and so
 *   on (error-translating-driver.ts, shared with PostgreSQL).
 * - Migrations run in one transaction (SQLite's DDL is transactional), which Kysely's migrator
 *   then uses as its lock: Kysely's own SQLite migration lock does nothing, so two processes
 *   would otherwise both run the same migration. The migrator reads which migrations ran
 *   inside that transaction, so the second process finds them done. A migration must
 *   therefore not need to run outside a transaction (`vacuum`, `pragma foreign_keys`).
 * - Compiled statements are kept by their SQL text (see StatementCache): Kysely prepares every
 *   query anew, which cost an eighth of a submission's time in a surge.
 */
export class ConcurrentSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    const database = typeof config.database === "function" ? config.database : new StatementCache(config.database);
    super({ ...config, database });
    this.#config = { ...config, database };
  }

  override createDriver(): Driver {
    return new ErrorTranslatingDriver(new ImmediateSqliteDriver(this.#config));
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** How many compiled statements one connection keeps: every query Cohort writes, with room to spare. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * A connection that compiles each SQL text once and reuses the statement, least recently used
 * dropped first. A statement still being iterated (a streamed query) is busy and cannot run
 * twice at once, so the same SQL then gets a statement of its own. SQLite recompiles a cached
 * statement by itself when a migration changes the schema under it.
 */
class StatementCache implements SqliteDatabase {
  readonly #connection: SqliteDatabase;
  readonly #statements = new Map<string, SqliteStatement>();

  constructor(connection: SqliteDatabase) {
    this.#connection = connection;
  }

  prepare(sql: string): SqliteStatement {
    const cached = this.#statements.get(sql);
    if (cached && !(cached as { busy?: boolean }).busy) {
      // Map keeps insertion order: moving the entry to the end marks it as the most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#connection.prepare(sql);
    if (cached) return statement;
    this.#statements.set(sql, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.#connection.close();
  }
}
