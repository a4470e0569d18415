import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { type FailedStatement, statementOf, translateDriverError } from "./driver-errors.ts";

type CompileQuery = QueryCompiler["compileQuery"];

/**
 * Wraps a Kysely driver so that every driver error a person can act on, from any query inside
 * or outside a transaction and from begin and commit, leaves as an AppError
 * (driver-errors.ts): a duplicate is CONFLICT, a lost connection DATABASE_UNAVAILABLE, on both
 * engines alike. Errors it does not know pass through untouched, to be logged as they are.
 */
export class ErrorTranslatingDriver implements Driver {
  readonly #driver: Driver;
  readonly #inner = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(driver: Driver) {
    this.#driver = driver;
  }

  init(): Promise<void> {
    return translating(() => this.#driver.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await translating(() => this.#driver.acquireConnection());
    const connection = new ErrorTranslatingConnection(inner);
    this.#inner.set(connection, inner);
    return connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translating(() => this.#driver.beginTransaction(this.#unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translating(() => this.#driver.commitTransaction(this.#unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return translating(() => this.#driver.rollbackTransaction(this.#unwrap(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return translating(() => this.#savepointMethod("savepoint")(this.#unwrap(connection), name, compileQuery));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return translating(() => this.#savepointMethod("rollbackToSavepoint")(this.#unwrap(connection), name, compileQuery));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return translating(() => this.#savepointMethod("releaseSavepoint")(this.#unwrap(connection), name, compileQuery));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#driver.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#driver.destroy();
  }

  // The wrapped driver releases and rolls back through private members of its own connection.
  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#inner.get(connection) ?? connection;
  }

  #savepointMethod(name: "savepoint" | "rollbackToSavepoint" | "releaseSavepoint") {
    const method = this.#driver[name];
    if (!method) throw new Error(`The database driver does not support ${name}.`);
    return method.bind(this.#driver);
  }
}

/** Kysely's PostgreSQL dialect whose errors leave as AppErrors, like the SQLite one's. */
export class ErrorTranslatingPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ErrorTranslatingDriver(new PostgresDriver(this.#config));
  }
}

class ErrorTranslatingConnection implements DatabaseConnection {
  readonly #connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return translating(
      () => this.#connection.executeQuery<R>(compiledQuery),
      () => statementOf(compiledQuery.sql),
    );
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.#connection.streamQuery<R>(compiledQuery, chunkSize);
  }
}

async function translating<T>(work: () => Promise<T>, statement?: () => FailedStatement): Promise<T> {
  try {
    // better-sqlite3 throws synchronously: awaiting inside the try catches both kinds.
    return await work();
  } catch (error) {
    const translated = translateDriverError(error, statement?.());
    throw translated.code === "INTERNAL" ? error : translated;
  }
}
