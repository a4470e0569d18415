import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../errors/app-error.ts";
import type { TableCount } from "../../storage/database-contents.ts";
import { type DatabaseLocation, parseDatabaseUrl, redactUrl } from "../../storage/database-url.ts";
import { isPostgresDump, readDumpMigrations, restorePostgres } from "../../storage/postgres-backup.ts";
import { checkSqliteIntegrity, isSqliteFile, readHead, readSqliteContents, restoreSqlite } from "../../storage/sqlite-backup.ts";
import { compareWithKnownMigrations, type MigrationVersion } from "./migration-version.ts";
import { readContents } from "./read-contents.ts";

/** What a restore put into the database and what it found when it checked it. */
export interface RestoreReport extends MigrationVersion {
  engine: "sqlite" | "postgres";
  /** SQLite's `PRAGMA integrity_check` answer ("ok"); null on PostgreSQL, where pg_restore checks as it loads. */
  integrity: string | null;
  tables: TableCount[];
}

/**
 * Restores a backup made by `backUpDatabase` into the empty database `databaseUrl` names,
 * then checks it: SQLite's integrity check must answer "ok", and the backup's migrations must
 * all be known to this version (an older backup is fine: `cohort migrate` brings it up).
 */
export async function restoreDatabase(options: { databaseUrl: string; file: string }): Promise<RestoreReport> {
  const location = parseDatabaseUrl(options.databaseUrl);
  const file = path.resolve(options.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError("INVALID_INPUT", `There is no backup file ${options.file}`);
  const kind = isSqliteFile(file) ? "sqlite" : isPostgresDump(readHead(file, 5)) ? "postgres" : null;
  if (kind === null) {
    throw new AppError(
      "INVALID_INPUT",
      `${options.file} is neither an SQLite database nor a pg_dump file in the custom format; give a file cohort backup wrote`,
    );
  }
  if (kind !== location.dialect) {
    throw new AppError(
      "INVALID_INPUT",
      kind === "sqlite"
        ? `${options.file} is an SQLite backup; restore it into an SQLite database (--db sqlite:./data/cohort.db)`
        : `${options.file} is a PostgreSQL dump; restore it into a PostgreSQL database (--db postgres://user:password@host:5432/database)`,
    );
  }
  if (location.dialect === "sqlite" && location.file === ":memory:") throw new AppError("INVALID_INPUT", "Restore into a database file, not sqlite::memory:");
  const version = compareWithKnownMigrations(options.file, kind === "sqlite" ? readSqliteContents(file).migrations : await readDumpMigrations(file));
  await refuseUnlessEmpty(location);
  if (location.dialect === "sqlite") {
    await restoreSqlite(file, location.file);
    const integrity = checkSqliteIntegrity(location.file);
    if (integrity !== "ok") throw new AppError("INTERNAL", `The restored database ${location.file} failed its integrity check: ${integrity}`);
    return { engine: "sqlite", integrity, ...version, tables: readSqliteContents(location.file).tables };
  }
  await restorePostgres(location.connectionString, file);
  return { engine: "postgres", integrity: null, ...version, tables: (await readContents(location)).tables };
}

async function refuseUnlessEmpty(location: DatabaseLocation): Promise<void> {
  const { tables, migrations } = await readContents(location);
  if (tables.length === 0) return;
  const label = location.dialect === "sqlite" ? location.file : redactUrl(location.connectionString);
  const holds =
    migrations.length > 0
      ? `${tables.length} tables, migrations up to ${migrations.at(-1)}`
      : `${tables.length} tables: ${tables.map((table) => table.name).join(", ")}`;
  throw new AppError("CONFLICT", `The database ${label} is not empty (${holds}); restore into a new, empty database`);
}
