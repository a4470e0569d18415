import fs from "node:fs";
import SqliteDatabase from "better-sqlite3";
import { AppError } from "../errors/app-error.ts";
import type { DatabaseContents } from "./database-contents.ts";

const SQLITE_MAGIC = "SQLite format 3\0";
const BUSY_TIMEOUT_MS = 5000;

/** True when the file starts with the SQLite header. */
export function isSqliteFile(file: string): boolean {
  return readHead(file, SQLITE_MAGIC.length) === SQLITE_MAGIC;
}

/** The first bytes of a file as Latin-1 text, or "" when it cannot be read. */
export function readHead(file: string, length: number): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Copies a consistent snapshot of the SQLite database `source` to `target` with SQLite's online
 * backup API, while other connections keep writing: the copy is written beside `target` and
 * renamed into place once complete, so `target` is never a half-written file.
 */
export async function backUpSqlite(source: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const connection = openExisting(source, false);
  try {
    // All remaining pages in one step under one read transaction: in WAL mode it blocks no
    // writer, and a write by another connection cannot make the copy start over.
    await connection.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new AppError("INTERNAL", `The backup of ${source} failed: ${(error as Error).message}`, undefined, { cause: error });
  } finally {
    connection.close();
  }
  // A backup is one self-contained file: rollback journal mode, so reading it leaves no -wal or -shm beside it.
  const copy = openExisting(partial, false);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
}

/** Copies the SQLite backup file `backup` into the database file `target` with the backup API. */
export async function restoreSqlite(backup: string, target: string): Promise<void> {
  const connection = openExisting(backup, true);
  try {
    await connection.backup(target, { progress: () => 0x7fffffff });
  } finally {
    connection.close();
  }
}

/** Runs `PRAGMA integrity_check` and returns its answer: "ok", or the problems it found. */
export function checkSqliteIntegrity(file: string): string {
  const connection = openExisting(file, true);
  try {
    const rows = connection.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("; ");
  } finally {
    connection.close();
  }
}

/** The tables of an SQLite file with their row counts, and its migrations, read without writing to it. */
export function readSqliteContents(file: string): DatabaseContents {
  const connection = openExisting(file, true);
  try {
    const names = connection.prepare("select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_' order by name").all() as {
      name: string;
    }[];
    const tables = names.map(({ name }) => ({
      name,
      rows: Number((connection.prepare(`select count(*) as count from "${name.replaceAll('"', '""')}"`).get() as { count: number }).count),
    }));
    const migrations = tables.some((table) => table.name === "kysely_migration")
      ? (connection.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((row) => row.name)
      : [];
    return { tables, migrations };
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${file} cannot be read as an SQLite database: ${(error as Error).message}`, undefined, { cause: error });
  } finally {
    connection.close();
  }
}

function openExisting(file: string, readonly: boolean): SqliteDatabase.Database {
  const connection = new SqliteDatabase(file, { readonly, fileMustExist: true });
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return connection;
}
