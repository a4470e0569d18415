import { instantType, type MigrationDb } from "./column-types.ts";

/**
 * Rate-limit counters kept in the database, so that several server processes on one database
 * count one limit together instead of one each: per key (route and client), the hits of the
 * current window and when it ends.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("rate_limit_counters")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("hits", "integer", (col) => col.notNull())
    .addColumn("window_ends", instantType(db), (col) => col.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("rate_limit_counters").execute();
}
