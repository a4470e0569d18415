import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import { isDatabaseBusy, translateDriverError } from "./driver-errors.ts";

/**
 * Kysely's SQLite dialect made safe for several processes on one file:
 *
 * - Every transaction begins IMMEDIATE, taking the write lock up front. A deferred `begin`
 *   that reads and then writes must upgrade its read lock, and SQLite refuses that upgrade at
 *   once with SQLITE_BUSY (no busy timeout) when another process writes; an immediate one
 *   waits for the lock like any single write does.
 * - A database still locked when the busy timeout runs out fails as DATABASE_UNAVAILABLE
 *   ("try again in a moment", 503), never as an unknown error.
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
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new BusyTranslatingConnection(await super.acquireConnection());
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class BusyTranslatingConnection implements DatabaseConnection {
  readonly #connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      // better-sqlite3 throws synchronously: awaiting inside the try catches both kinds.
      return await this.#connection.executeQuery<R>(compiledQuery);
    } catch (error) {
      throw isDatabaseBusy(error) ? translateDriverError(error) : error;
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.#connection.streamQuery<R>(compiledQuery, chunkSize);
  }
}
