import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
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
 */
export class ConcurrentSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
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
