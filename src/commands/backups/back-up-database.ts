import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../errors/app-error.ts";
import type { DatabaseContents, TableCount } from "../../storage/database-contents.ts";
import { parseDatabaseUrl, redactUrl } from "../../storage/database-url.ts";
import { dumpPostgres } from "../../storage/postgres-backup.ts";
import { backUpSqlite, readSqliteContents } from "../../storage/sqlite-backup.ts";

/** What a backup wrote: where, how, how large, at which migration, and the rows of each table. */
export interface BackupReport {
  engine: "sqlite" | "postgres";
  /** How the copy was made, in words. */
  method: string;
  file: string;
  bytes: number;
  /** The last migration recorded in the backup, or null when none had run. */
  version: string | null;
  /** Row counts of the backup: read from the copy (SQLite) or in the snapshot pg_dump took (PostgreSQL). */
  tables: TableCount[];
}

/**
 * Copies the database `databaseUrl` names to `file` while a server may be writing to it:
 * SQLite through the online backup API, PostgreSQL through `pg_dump --format=custom`. An
 * existing `file` is refused unless `force` is set.
 */
export async function backUpDatabase(options: { databaseUrl: string; file: string; force?: boolean }): Promise<BackupReport> {
  const location = parseDatabaseUrl(options.databaseUrl);
  const file = path.resolve(options.file);
  if (fs.existsSync(file) && !options.force) {
    throw new AppError("CONFLICT", `${options.file} exists already; choose another file or pass --force to replace it`);
  }
  if (!fs.existsSync(path.dirname(file))) throw new AppError("INVALID_INPUT", `The folder ${path.dirname(file)} does not exist; create it first`);
  if (location.dialect === "sqlite") {
    if (location.file === ":memory:") throw new AppError("INVALID_INPUT", "An in-memory database (sqlite::memory:) has nothing to back up");
    if (!fs.existsSync(location.file)) throw new AppError("INVALID_INPUT", `There is no database at ${location.file} to back up`);
    await backUpSqlite(location.file, file);
    const contents = readSqliteContents(file);
    return {
      engine: "sqlite",
      method: "SQLite: online backup API (a consistent snapshot)",
      file,
      bytes: fs.statSync(file).size,
      version: contents.migrations.at(-1) ?? null,
      tables: contents.tables,
    };
  }
  let contents: DatabaseContents;
  try {
    contents = await dumpPostgres(location.connectionString, file);
  } catch (error) {
    if (error instanceof AppError && error.code === "INTERNAL") {
      throw new AppError("DATABASE_UNAVAILABLE", `Cannot back up ${redactUrl(location.connectionString)}: ${error.message}`);
    }
    throw error;
  }
  return {
    engine: "postgres",
    method: "PostgreSQL: pg_dump in the custom format",
    file,
    bytes: fs.statSync(file).size,
    version: contents.migrations.at(-1) ?? null,
    tables: contents.tables,
  };
}
