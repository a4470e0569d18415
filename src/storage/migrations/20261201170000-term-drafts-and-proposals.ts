import { sql } from "kysely";
import { MENTOR_CONFIRMATIONS, PROJECT_QUESTION_KINDS, PROJECT_QUESTION_SECTIONS, PROPOSAL_STAGES, TIME_COMMITMENTS } from "../../domain/proposal-states.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * Terms made in Cohort start as drafts, public once published; every term that exists already
 * came from a public page and counts as published. Projects become proposals too: the stage of
 * an undecided one, what it asks of a mentee, the admin's comment or reason, an accepted
 * project's pending change, and who proposed it. A named mentor confirms or declines; mentors
 * that exist already came from a published page and count as confirmed. A project asks its
 * applicants prerequisite tasks and questions.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema.alterTable("terms").addColumn("published_at", instant).execute();
  await db
    .updateTable("terms")
    .set({ published_at: sql.ref("created_at") })
    .execute();
  await db.schema
    .alterTable("terms")
    .addColumn("slot_budget", "integer", (col) => col.check(sql`slot_budget between 0 and 100000`))
    .execute();

  // Proposals imported from a page of project ideas were submitted by the program already.
  await db.schema
    .alterTable("projects")
    .addColumn("proposal_stage", "text", (col) => col.notNull().defaultTo("submitted").check(oneOf("proposal_stage", PROPOSAL_STAGES)))
    .execute();
  await db.schema
    .alterTable("projects")
    .addColumn("slots_requested", "integer", (col) => col.notNull().defaultTo(1).check(sql`slots_requested between 1 and 100`))
    .execute();
  await db.schema
    .alterTable("projects")
    .addColumn("time_commitment", "text", (col) => col.check(sql`time_commitment is null or ${oneOf("time_commitment", TIME_COMMITMENTS)}`))
    .execute();
  await db.schema
    .alterTable("projects")
    .addColumn("hours_per_week", "integer", (col) => col.check(sql`hours_per_week between 1 and 60`))
    .execute();
  for (const column of ["review_comment", "rejection_reason", "pending_change"]) {
    await db.schema.alterTable("projects").addColumn(column, "text").execute();
  }
  for (const column of ["submitted_at", "decided_at", "pending_change_at"]) {
    await db.schema.alterTable("projects").addColumn(column, instant).execute();
  }
  await db.schema
    .alterTable("projects")
    .addColumn("proposed_by_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .execute();

  await db.schema
    .alterTable("project_mentors")
    .addColumn("confirmation", "text", (col) => col.notNull().defaultTo("confirmed").check(oneOf("confirmation", MENTOR_CONFIRMATIONS)))
    .execute();
  // The email or GitHub handle the maintainer named the mentor by, as typed.
  await db.schema.alterTable("project_mentors").addColumn("named_as", "text").execute();
  // SHA-256 of the secret in the emailed confirmation link; null once answered.
  await db.schema.alterTable("project_mentors").addColumn("confirm_token_hash", "text").execute();
  for (const column of ["asked_at", "answered_at"]) {
    await db.schema.alterTable("project_mentors").addColumn(column, instant).execute();
  }
  await db.schema.createIndex("project_mentors_confirm_token").on("project_mentors").unique().column("confirm_token_hash").execute();

  await withId(db, db.schema.createTable("project_questions"))
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("section", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("prompt", "text", (col) => col.notNull())
    // JSON array of the choices of a `choice` question; empty otherwise.
    .addColumn("choices", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("required", "integer", (col) => col.notNull().defaultTo(1))
    .addUniqueConstraint("project_questions_position", ["project_id", "position"])
    .addCheckConstraint("project_questions_section_known", oneOf("section", PROJECT_QUESTION_SECTIONS))
    .addCheckConstraint("project_questions_kind_known", oneOf("kind", PROJECT_QUESTION_KINDS))
    .addCheckConstraint("project_questions_required_flag", sql`required in (0, 1)`)
    .addCheckConstraint("project_questions_prompt_present", sql`prompt <> ''`)
    .execute();

  // The admin's board reads a term's proposals by state.
  await db.schema.createIndex("projects_term_state").on("projects").columns(["term_id", "state"]).execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("projects_term_state").execute();
  await db.schema.dropTable("project_questions").execute();
  await db.schema.dropIndex("project_mentors_confirm_token").execute();
  for (const column of ["answered_at", "asked_at", "confirm_token_hash", "named_as", "confirmation"]) {
    await db.schema.alterTable("project_mentors").dropColumn(column).execute();
  }
  for (const column of [
    "proposed_by_person_id",
    "pending_change_at",
    "decided_at",
    "submitted_at",
    "pending_change",
    "rejection_reason",
    "review_comment",
    "hours_per_week",
    "time_commitment",
    "slots_requested",
    "proposal_stage",
  ]) {
    await db.schema.alterTable("projects").dropColumn(column).execute();
  }
  for (const column of ["slot_budget", "published_at"]) {
    await db.schema.alterTable("terms").dropColumn(column).execute();
  }
}
