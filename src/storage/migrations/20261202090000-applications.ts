import { sql } from "kysely";
import { APPLICATION_STATES, ELIGIBILITY_QUESTION_KINDS } from "../../domain/application-states.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * Applications: the applicant's profile fields, the program's eligibility questions copied
 * into each term with every applicant's answers, the applications themselves, a mentor's soft
 * cap on a project, and the answers remembered per idempotency key so a retried submission
 * returns its first answer.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  for (const column of ["pronouns", "portfolio_url", "cv_url"]) {
    await db.schema.alterTable("people").addColumn(column, "text").execute();
  }
  // A mentor's soft cap: the project takes no new applications once this many are submitted.
  await db.schema
    .alterTable("projects")
    .addColumn("application_cap", "integer", (col) => col.check(sql`application_cap between 1 and 100000`))
    .execute();

  for (const scope of ["program", "term"] as const) {
    const table = `${scope}_eligibility_questions`;
    await withId(db, db.schema.createTable(table))
      .addColumn(`${scope}_id`, "integer", cascadeTo(`${scope}s.id`))
      .addColumn("position", "integer", (col) => col.notNull())
      .addColumn("kind", "text", (col) => col.notNull())
      .addColumn("prompt", "text", (col) => col.notNull())
      // JSON array of the choices of a `choice` question; empty otherwise.
      .addColumn("choices", "text", (col) => col.notNull().defaultTo("[]"))
      // JSON array of the answers that disqualify ("no" for a yes/no question, some choices).
      .addColumn("disqualifying_answers", "text", (col) => col.notNull().defaultTo("[]"))
      // What a disqualified applicant is told, e.g. "Mentees must be 18 or older."
      .addColumn("disqualifying_reason", "text")
      .addUniqueConstraint(`${table}_position`, [`${scope}_id`, "position"])
      .addCheckConstraint(`${table}_kind_known`, oneOf("kind", ELIGIBILITY_QUESTION_KINDS))
      .addCheckConstraint(`${table}_prompt_present`, sql`prompt <> ''`)
      .execute();
  }

  // One row per applicant and term: the answers as JSON {questionId: answer}, and the verdict.
  await db.schema
    .createTable("eligibility_answers")
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("answers", "text", (col) => col.notNull())
    .addColumn("eligible", "integer", (col) => col.notNull())
    // JSON array of {questionId, prompt, answer, reason} for every disqualifying answer.
    .addColumn("disqualifications", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("answered_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addPrimaryKeyConstraint("eligibility_answers_key", ["term_id", "person_id"])
    .addCheckConstraint("eligibility_answers_eligible_flag", sql`eligible in (0, 1)`)
    .execute();

  await withId(db, db.schema.createTable("applications"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("draft"))
    .addColumn("cover_letter", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("cover_letter_html", "text", (col) => col.notNull().defaultTo(""))
    // JSON array of {questionId, answer}: the answers to the project's tasks and questions.
    .addColumn("answers", "text", (col) => col.notNull().defaultTo("[]"))
    // JSON array of http(s) addresses the applicant adds (a pull request, a design document).
    .addColumn("links", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    // When the server received the submission that counts: the last one, if edited after.
    .addColumn("submitted_at", instant)
    .addColumn("withdrawn_at", instant)
    .addUniqueConstraint("applications_one_per_project", ["project_id", "person_id"])
    .addCheckConstraint("applications_state_known", oneOf("state", APPLICATION_STATES))
    .execute();
  // The cap counts an applicant's applications of a term by state; a project's count is by state too.
  await db.schema.createIndex("applications_person_term").on("applications").columns(["person_id", "term_id", "state"]).execute();
  await db.schema.createIndex("applications_project_state").on("applications").columns(["project_id", "state"]).execute();
  await db.schema.createIndex("applications_term_state").on("applications").columns(["term_id", "state"]).execute();

  // The first answer to a request made with an Idempotency-Key, per person and key.
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("key", "text", (col) => col.notNull())
    // SHA-256 of the operation and its body: the same key with another body is refused.
    .addColumn("request_hash", "text", (col) => col.notNull())
    .addColumn("status_code", "integer", (col) => col.notNull())
    .addColumn("response", "text", (col) => col.notNull())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_key", ["person_id", "key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_created").on("idempotency_keys").column("created_at").execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("idempotency_keys").execute();
  await db.schema.dropTable("applications").execute();
  await db.schema.dropTable("eligibility_answers").execute();
  await db.schema.dropTable("term_eligibility_questions").execute();
  await db.schema.dropTable("program_eligibility_questions").execute();
  await db.schema.alterTable("projects").dropColumn("application_cap").execute();
  for (const column of ["cv_url", "portfolio_url", "pronouns"]) {
    await db.schema.alterTable("people").dropColumn(column).execute();
  }
}
