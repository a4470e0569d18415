import { sql } from "kysely";
import { MENTORSHIP_STATES, OFFER_SOURCES } from "../../domain/offers.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * Offers and mentorships: an offered application carries when it was offered, how (by the
 * selection or the waitlist), by when it must be answered and when it was; a published
 * selection records when its outcome notices went out; and an accepted offer becomes a
 * mentorship, one per applicant and term.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema.alterTable("applications").addColumn("offered_at", instant).execute();
  await db.schema
    .alterTable("applications")
    .addColumn("offer_source", "text", (col) => col.check(sql`offer_source is null or ${oneOf("offer_source", OFFER_SOURCES)}`))
    .execute();
  await db.schema.alterTable("applications").addColumn("respond_by", instant).execute();
  await db.schema.alterTable("applications").addColumn("answered_at", instant).execute();
  await db.schema.alterTable("selection_runs").addColumn("notices_sent_at", instant).execute();

  await withId(db, db.schema.createTable("mentorships"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("application_id", "integer", (col) => col.notNull().unique().references("applications.id").onDelete("cascade"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("active").check(oneOf("state", MENTORSHIP_STATES)))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    // At most one mentorship per applicant and term, whatever two accepts race to do.
    .addUniqueConstraint("mentorships_one_per_applicant", ["term_id", "person_id"])
    .execute();
  await db.schema.createIndex("mentorships_project").on("mentorships").column("project_id").execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("mentorships").execute();
  await db.schema.alterTable("selection_runs").dropColumn("notices_sent_at").execute();
  for (const column of ["answered_at", "respond_by", "offer_source", "offered_at"]) {
    await db.schema.alterTable("applications").dropColumn(column).execute();
  }
}
