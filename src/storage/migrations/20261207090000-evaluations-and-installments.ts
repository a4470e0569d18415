import { sql } from "kysely";
import { EVALUATION_OUTCOMES } from "../../domain/evaluations.ts";
import { INSTALLMENT_STATES } from "../../domain/installments.ts";
import { EVALUATION_KINDS } from "../../domain/stipends.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * What a mentorship does after it begins (WORKFLOW.md, "Mentorships, evaluations and
 * stipends"): when it began, its initial work assignments, the mentee's final report (program
 * feedback and a blog post) and their wish to be listed as an alumnus, when and why it ended or
 * when it completed; the mentors' evaluations, one per kind; the stipend installments created
 * when it began, each with the dates of its moves; and the program's evaluation questions.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  for (const column of ["begun_at", "assignments_updated_at", "report_submitted_at", "ended_at", "completed_at"]) {
    await db.schema.alterTable("mentorships").addColumn(column, instant).execute();
  }
  for (const column of ["assignments", "assignments_html", "feedback", "blog_url", "end_reason"]) {
    await db.schema.alterTable("mentorships").addColumn(column, "text").execute();
  }
  await db.schema
    .alterTable("mentorships")
    .addColumn("listed_as_alumni", "integer", (col) => col.notNull().defaultTo(0).check(sql`listed_as_alumni in (0, 1)`))
    .execute();
  await db.schema
    .alterTable("programs")
    .addColumn("evaluation_questions", "text", (col) => col.notNull().defaultTo("[]"))
    .execute();

  await withId(db, db.schema.createTable("evaluations"))
    .addColumn("mentorship_id", "integer", cascadeTo("mentorships.id"))
    .addColumn("kind", "text", (col) => col.notNull().check(oneOf("kind", EVALUATION_KINDS)))
    .addColumn("outcome", "text", (col) => col.notNull().check(oneOf("outcome", EVALUATION_OUTCOMES)))
    .addColumn("to_mentee", "text", (col) => col.notNull())
    .addColumn("to_admins", "text", (col) => col.notNull())
    .addColumn("answers", "text", (col) => col.notNull())
    .addColumn("author_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("submitted_at", instant, (col) => col.notNull())
    // One evaluation of each kind per mentorship, however many mentors race to submit it.
    .addUniqueConstraint("evaluations_one_per_kind", ["mentorship_id", "kind"])
    .execute();

  await withId(db, db.schema.createTable("installments"))
    .addColumn("mentorship_id", "integer", cascadeTo("mentorships.id"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("released_by", "text", (col) => col.notNull().check(oneOf("released_by", EVALUATION_KINDS)))
    .addColumn("currency", "text", (col) => col.notNull())
    .addColumn("amount", "integer", (col) => col.notNull().check(sql`amount >= 0`))
    .addColumn("full_amount", "integer", (col) => col.notNull().check(sql`full_amount >= 0`))
    .addColumn("state", "text", (col) => col.notNull().check(oneOf("state", INSTALLMENT_STATES)))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("due_at", instant)
    .addColumn("approved_at", instant)
    .addColumn("approved_by", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("exported_at", instant)
    .addColumn("export_batch", "text")
    .addColumn("paid_at", instant)
    .addColumn("payment_reference", "text")
    .addColumn("withheld_at", instant)
    .addColumn("withheld_reason", "text")
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addUniqueConstraint("installments_one_per_position", ["mentorship_id", "position"])
    .execute();
  await db.schema.createIndex("installments_state").on("installments").columns(["state", "mentorship_id"]).execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("installments").execute();
  await db.schema.dropTable("evaluations").execute();
  await db.schema.alterTable("programs").dropColumn("evaluation_questions").execute();
  for (const column of [
    "listed_as_alumni",
    "end_reason",
    "blog_url",
    "feedback",
    "assignments_html",
    "assignments",
    "completed_at",
    "ended_at",
    "report_submitted_at",
    "assignments_updated_at",
    "begun_at",
  ]) {
    await db.schema.alterTable("mentorships").dropColumn(column).execute();
  }
}
