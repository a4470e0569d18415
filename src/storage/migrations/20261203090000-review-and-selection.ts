import { sql } from "kysely";
import { REVIEW_MARKS, REVIEW_SCORE, SELECTION_OVERRIDE_KINDS, SELECTION_RUN_STATES } from "../../domain/review-marks.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * Review and selection: each mentor's score of an application, the notes mentors write on it,
 * a mentor's conflict of interest; the project's mark (shortlisted or not) and its ranking of
 * the shortlist, and the applicant's own ranking, on the application; an admin's pins and
 * exclusions; and the solver's runs with the mentorships each proposes.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema
    .alterTable("applications")
    .addColumn("review_mark", "text", (col) => col.check(sql`review_mark is null or ${oneOf("review_mark", REVIEW_MARKS)}`))
    .execute();
  // The place in the project's ranked shortlist, from 1; set only while shortlisted.
  await db.schema
    .alterTable("applications")
    .addColumn("shortlist_rank", "integer", (col) => col.check(sql`shortlist_rank is null or shortlist_rank >= 1`))
    .execute();
  await db.schema.alterTable("applications").addColumn("marked_at", instant).execute();
  // The applicant's own order of their submitted applications, from 1; null keeps the order of submission.
  await db.schema
    .alterTable("applications")
    .addColumn("applicant_rank", "integer", (col) => col.check(sql`applicant_rank is null or applicant_rank >= 1`))
    .execute();

  await db.schema
    .createTable("application_scores")
    .addColumn("application_id", "integer", cascadeTo("applications.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("score", "integer", (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addPrimaryKeyConstraint("application_scores_key", ["application_id", "person_id"])
    .addCheckConstraint("application_scores_range", sql`score between ${sql.lit(REVIEW_SCORE.min)} and ${sql.lit(REVIEW_SCORE.max)}`)
    .execute();

  await withId(db, db.schema.createTable("application_notes"))
    .addColumn("application_id", "integer", cascadeTo("applications.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addCheckConstraint("application_notes_body_present", sql`body <> ''`)
    .execute();
  await db.schema.createIndex("application_notes_application").on("application_notes").column("application_id").execute();

  // A mentor who declared a conflict of interest no longer sees the application; the admins are told.
  await db.schema
    .createTable("review_conflicts")
    .addColumn("application_id", "integer", cascadeTo("applications.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addPrimaryKeyConstraint("review_conflicts_key", ["application_id", "person_id"])
    .execute();

  await db.schema
    .createTable("selection_overrides")
    .addColumn("application_id", "integer", (col) => col.primaryKey().references("applications.id").onDelete("cascade"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addCheckConstraint("selection_overrides_kind_known", oneOf("kind", SELECTION_OVERRIDE_KINDS))
    .execute();
  await db.schema.createIndex("selection_overrides_term").on("selection_overrides").column("term_id").execute();

  await withId(db, db.schema.createTable("selection_runs"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("proposed"))
    .addColumn("person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    // JSON of what the run found beside its mentorships: conflicts, empty slots, applicants left without.
    .addColumn("findings", "text", (col) => col.notNull())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("published_at", instant)
    .addCheckConstraint("selection_runs_state_known", oneOf("state", SELECTION_RUN_STATES))
    .execute();
  await db.schema.createIndex("selection_runs_term").on("selection_runs").columns(["term_id", "state"]).execute();
  // One published selection per term: publishing twice is refused by the database too.
  await db.schema
    .createIndex("selection_runs_one_published")
    .on("selection_runs")
    .column("term_id")
    .unique()
    .where(sql.ref("state"), "=", "published")
    .execute();

  await db.schema
    .createTable("selection_assignments")
    .addColumn("run_id", "integer", cascadeTo("selection_runs.id"))
    .addColumn("application_id", "integer", cascadeTo("applications.id"))
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("project_rank", "integer")
    .addColumn("applicant_choice", "integer", (col) => col.notNull())
    .addColumn("pinned", "integer", (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("selection_assignments_key", ["run_id", "application_id"])
    .addUniqueConstraint("selection_assignments_one_per_applicant", ["run_id", "person_id"])
    .addCheckConstraint("selection_assignments_pinned_flag", sql`pinned in (0, 1)`)
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("selection_assignments").execute();
  await db.schema.dropTable("selection_runs").execute();
  await db.schema.dropTable("selection_overrides").execute();
  await db.schema.dropTable("review_conflicts").execute();
  await db.schema.dropTable("application_notes").execute();
  await db.schema.dropTable("application_scores").execute();
  for (const column of ["applicant_rank", "marked_at", "shortlist_rank", "review_mark"]) {
    await db.schema.alterTable("applications").dropColumn(column).execute();
  }
}
