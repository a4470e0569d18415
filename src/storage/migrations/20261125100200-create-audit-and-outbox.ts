import { sql } from "kysely";
import { OUTBOX_STATES } from "../../domain/outbox-states.ts";
import { instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/** The audit log and the notification outbox. */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await withId(db, db.schema.createTable("audit_events"))
    .addColumn("program_id", "integer", (col) => col.references("programs.id").onDelete("set null"))
    .addColumn("actor_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("actor_label", "text", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("object_type", "text", (col) => col.notNull())
    .addColumn("object_id", "text", (col) => col.notNull())
    .addColumn("changes", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("occurred_at", instant, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("audit_events_program_time").on("audit_events").columns(["program_id", "occurred_at"]).execute();
  await db.schema.createIndex("audit_events_object").on("audit_events").columns(["object_type", "object_id"]).execute();

  await withId(db, db.schema.createTable("outbox"))
    .addColumn("dedupe_key", "text", (col) => col.notNull().unique())
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("recipient_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("recipient_email", "text")
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("body_text", "text", (col) => col.notNull())
    .addColumn("body_html", "text")
    .addColumn("state", "text", (col) => col.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("next_attempt_at", instant, (col) => col.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("sent_at", instant)
    .addCheckConstraint("outbox_state_known", oneOf("state", OUTBOX_STATES))
    .addCheckConstraint("outbox_channel_known", oneOf("channel", ["email", "in_app"]))
    .addCheckConstraint("outbox_has_recipient", sql`recipient_person_id is not null or recipient_email is not null`)
    .addCheckConstraint("outbox_attempts_positive", sql`attempts >= 0`)
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["state", "next_attempt_at"]).execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("audit_events").execute();
}
