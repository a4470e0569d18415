import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { CamelCasePlugin, Kysely, sql } from "kysely";
import pg from "pg";
import { AppError } from "../errors/app-error.ts";
import { type DatabaseLocation, parseDatabaseUrl, redactUrl } from "./database-url.ts";
import { connectionFailureReason, isDatabaseBusy } from "./driver-errors.ts";
import { ErrorTranslatingPostgresDialect } from "./error-translating-driver.ts";
import { isPostgres } from "./repos/db.ts";
import type { Database } from "./schema.ts";
import { ConcurrentSqliteDialect } from "./sqlite-dialect.ts";

/** The SQL engines Cohort runs on. */
export type Dialect = DatabaseLocation["dialect"];

/** An open database: the query builder, which engine it is, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The URL with its password hidden, for messages. */
  label: string;
  /** Resolves when the database answers a trivial query; throws DATABASE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  /** The connections this process holds: open, idle, and requests waiting for one (SQLite: its one connection). */
  poolUse(): { open: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** Options for opening a database. */
export interface OpenDatabaseOptions {
  /** Pool size for PostgreSQL; SQLite has one connection per process. */
  poolSize?: number;
  /** SQLite: how long a write waits for another process's write before failing as busy (5 s). */
  busyTimeoutMs?: number;
}

/**
 * Opens the database a URL names and checks that it answers. SQLite runs in WAL mode with
 * synchronous=FULL (a committed write survives a power loss), foreign keys on, a busy timeout
 * and transactions that take the write lock when they begin, so several processes may share
 * the file (see sqlite-dialect.ts).
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const location = parseDatabaseUrl(url);
  const handle = location.dialect === "sqlite" ? openSqlite(location.file, options) : openPostgres(location.connectionString, options);
  try {
    await handle.ping();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

/**
 * How long a write waits for another process's write to finish before it fails as "busy, try
 * again" (503). better-sqlite3 waits synchronously, so a process serves nothing else in that
 * wait: write transactions stay short (no hashing, network or file I/O inside them), which
 * keeps the usual wait far below this bound; five seconds allows for an unusual one (a large
 * page import) without holding a request for long.
 */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** How long start-up work waits on SQLite for another process's (a large migration may take minutes). */
const STARTUP_BUSY_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs start-up work (migrations, loading the demo program) with a long SQLite busy timeout,
 * so that a process started next to one doing the same work waits for it rather than failing
 * after the usual few seconds. Nothing else may use the connection meanwhile: the server runs
 * this before it listens.
 */
export async function withStartupBusyTimeout<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  const usual = rows[0]?.timeout ?? SQLITE_BUSY_TIMEOUT_MS;
  await sql.raw(`pragma busy_timeout = ${STARTUP_BUSY_TIMEOUT_MS}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma busy_timeout = ${usual}`).execute(db);
  }
}

function openSqlite(file: string, options: OpenDatabaseOptions): DatabaseHandle {
  const label = `sqlite:${file}`;
  let connection: SqliteDatabase.Database;
  try {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    connection = new SqliteDatabase(file);
    // First, so that switching a new file to WAL waits for a process opening it at the same time.
    connection.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS))}`);
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = FULL");
    connection.pragma("foreign_keys = ON");
  } catch (error) {
    throw sqliteOpenError(file, error);
  }
  const db = new Kysely<Database>({
    dialect: new ConcurrentSqliteDialect({ database: connection }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: "sqlite",
    label,
    async ping() {
      try {
        await sql`select count(*) from sqlite_master`.execute(db);
      } catch (error) {
        throw sqliteOpenError(file, error);
      }
    },
    // One connection, shared by every query of the process; the dialect queues the rest in order.
    poolUse: () => ({ open: 1, idle: 1, waiting: 0 }),
    close: () => db.destroy(),
  };
}

function sqliteOpenError(file: string, caught: unknown): AppError {
  // A busy database arrives already translated; its reason is read from the driver's error.
  const error = caught instanceof AppError && caught.cause !== undefined ? caught.cause : caught;
  const code = (error as { code?: string }).code ?? "";
  const reason = isDatabaseBusy(error)
    ? "another process kept it locked for longer than the busy timeout; try again in a moment"
    : code === "SQLITE_NOTADB"
      ? "the file is not an SQLite database"
      : code === "SQLITE_CANTOPEN" || code === "EACCES" || code === "EISDIR"
        ? "the file cannot be opened (check that it exists, is a file and is readable and writable)"
        : code === "SQLITE_CORRUPT"
          ? "the database file is damaged; restore it from a backup"
          : code === "SQLITE_READONLY"
            ? "the file or its folder is read-only"
            : `${(error as Error).message ?? String(error)}`;
  return new AppError("DATABASE_UNAVAILABLE", `Cannot open the SQLite database ${file}: ${reason}`, { file });
}

function openPostgres(connectionString: string, options: OpenDatabaseOptions): DatabaseHandle {
  const label = redactUrl(connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    types: { getTypeParser: postgresTypeParser },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({
    dialect: new ErrorTranslatingPostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: "postgres",
    label,
    poolUse: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async ping() {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw new AppError("DATABASE_UNAVAILABLE", `Cannot reach the PostgreSQL database ${label}: ${connectionFailureReason(error)}`, undefined, {
          cause: error,
        });
      }
    },
    close: () => db.destroy(),
  };
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Reads instants as ISO strings and counts as numbers, so both engines give the same shapes. */
function postgresTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  if (oid === TIMESTAMPTZ_OID) return (value) => new Date(value).toISOString();
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}
