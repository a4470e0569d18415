import { type Kysely, sql } from "kysely";
import { isPostgres } from "./repos/db.ts";
import type { Database } from "./schema.ts";

/** One table and how many rows it holds. */
export interface TableCount {
  name: string;
  rows: number;
}

/** What a database holds: its tables with their row counts and the migrations that have run. */
export interface DatabaseContents {
  tables: TableCount[];
  /** Names of the migrations recorded as run, oldest first; empty when none has run. */
  migrations: string[];
}

const MIGRATION_TABLE = "kysely_migration";

/**
 * Lists every table of the database (SQLite: the file's; PostgreSQL: every schema but the
 * system ones) with its row count, and the migrations recorded as run. SQLite's full-text index
 * appears as its one table, without the tables it keeps its index in.
 */
export async function readDatabaseContents(db: Kysely<Database>): Promise<DatabaseContents> {
  const names = isPostgres(db)
    ? (
        await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by table_name`.execute(db)
      ).rows
    : await sqliteTables(db);
  const tables: TableCount[] = [];
  for (const { name } of names) {
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from ${sql.id(name)}`.execute(db);
    tables.push({ name, rows: Number(rows[0]?.count ?? 0) });
  }
  const migrations = tables.some((table) => table.name === MIGRATION_TABLE)
    ? (await sql<{ name: string }>`select name from ${sql.id(MIGRATION_TABLE)} order by name`.execute(db)).rows.map((row) => row.name)
    : [];
  return { tables, migrations };
}

/** SQLite's tables, without its own and without the shadow tables of virtual tables (projects_fts_data, …). */
async function sqliteTables(db: Kysely<Database>): Promise<{ name: string }[]> {
  const { rows } = await sql<{ name: string; virtual: number }>`select name, sql like 'CREATE VIRTUAL TABLE%' as virtual from sqlite_master
    where type = 'table' and substr(name, 1, 7) <> 'sqlite_' order by name`.execute(db);
  const virtualTables = rows.filter((row) => row.virtual).map((row) => `${row.name}_`);
  return rows.filter((row) => !virtualTables.some((prefix) => row.name.startsWith(prefix))).map(({ name }) => ({ name }));
}
