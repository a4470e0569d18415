import { sql } from "kysely";
import { SCHEDULED_JOB_STATES } from "../../domain/scheduled-jobs.ts";
import { instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * The scheduled jobs: work due at an instant (a reminder, an offer that lapses, outcome
 * notices, housekeeping), one row per unique key, claimed by workers like the outbox.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await withId(db, db.schema.createTable("scheduled_jobs"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("key", "text", (col) => col.notNull().unique())
    .addColumn("due_at", instant, (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("lease_until", instant)
    .addColumn("last_error", "text")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addColumn("done_at", instant)
    .addCheckConstraint("scheduled_jobs_state_known", oneOf("state", SCHEDULED_JOB_STATES))
    .addCheckConstraint("scheduled_jobs_attempts_positive", sql`attempts >= 0`)
    .execute();
  // The claim reads due pending jobs, and running ones whose lease ran out, by state then instant.
  await db.schema.createIndex("scheduled_jobs_due").on("scheduled_jobs").columns(["state", "due_at"]).execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("scheduled_jobs").execute();
}
