import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";
import { PHASE_KINDS } from "../../domain/phases.ts";

/** The database a migration runs on; migrations do not know the application's table types. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time, not today's types.
export type MigrationDb = Kysely<any>;

/** True when a migration runs on PostgreSQL; the few types that differ are chosen here. */
export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an integer primary key that the engine numbers (identity on PostgreSQL, rowid on SQLite). */
export function withId<T extends string>(db: MigrationDb, table: CreateTableBuilder<T>): CreateTableBuilder<T, "id"> {
  return isPostgres(db)
    ? table.addColumn("id", "integer", (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn("id", "integer", (col) => col.primaryKey().autoIncrement());
}

/** The column type of an instant: timestamptz on PostgreSQL, ISO 8601 text in UTC on SQLite. */
export function instantType(db: MigrationDb) {
  return isPostgres(db) ? ("timestamptz" as const) : ("text" as const);
}

/** A CHECK that a text column holds one of `values`. */
export function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** A CHECK that a phase kind column is a known kind or null. */
export function phaseKindCheck(column: string) {
  return sql`${sql.ref(column)} is null or ${oneOf(column, PHASE_KINDS)}`;
}

/** A foreign key column that deletes its rows with the parent. */
export function cascadeTo(target: string) {
  return (col: ColumnDefinitionBuilder) => col.notNull().references(target).onDelete("cascade");
}
