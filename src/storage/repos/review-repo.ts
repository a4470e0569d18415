import { CAPPED_APPLICATION_STATES } from "../../domain/application-states.ts";
import type { ReviewMark } from "../../domain/review-marks.ts";
import type { ReviewTargetRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** The application with what review needs of it; undefined when there is none. */
export function findReviewTarget(db: Db, applicationId: number): Promise<ReviewTargetRow | undefined> {
  return db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .innerJoin("terms", "terms.id", "applications.termId")
    .select([
      "applications.id",
      "applications.state",
      "applications.personId",
      "applications.projectId",
      "applications.termId",
      "applications.reviewMark",
      "applications.shortlistRank",
      "applications.markedAt",
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "terms.programId",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
    ])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
}

/** The mentors who declared a conflict of interest with applications of a project (or with one application). */
export function listReviewConflicts(db: Db, scope: { projectId: number } | { applicationId: number }) {
  let query = db
    .selectFrom("reviewConflicts")
    .innerJoin("applications", "applications.id", "reviewConflicts.applicationId")
    .innerJoin("people", "people.id", "reviewConflicts.personId")
    .select(["reviewConflicts.applicationId", "reviewConflicts.personId", "people.name as mentorName", "reviewConflicts.createdAt"])
    .orderBy("reviewConflicts.createdAt");
  query = "projectId" in scope ? query.where("applications.projectId", "=", scope.projectId) : query.where("applications.id", "=", scope.applicationId);
  return query.execute();
}

/** Records a mentor's conflict of interest with an application; declaring it twice changes nothing. */
export async function insertReviewConflict(db: Db, input: { applicationId: number; personId: number; at: Date }): Promise<void> {
  await db
    .insertInto("reviewConflicts")
    .values({ applicationId: input.applicationId, personId: input.personId, createdAt: input.at.toISOString() })
    .onConflict((oc) => oc.columns(["applicationId", "personId"]).doNothing())
    .execute();
}

/** Sets a mentor's score of an application, or takes it back (null). */
export async function setScore(db: Db, input: { applicationId: number; personId: number; score: number | null; at: Date }): Promise<void> {
  if (input.score === null) {
    await db.deleteFrom("applicationScores").where("applicationId", "=", input.applicationId).where("personId", "=", input.personId).execute();
    return;
  }
  const updatedAt = input.at.toISOString();
  await db
    .insertInto("applicationScores")
    .values({ applicationId: input.applicationId, personId: input.personId, score: input.score, updatedAt })
    .onConflict((oc) => oc.columns(["applicationId", "personId"]).doUpdateSet({ score: input.score as number, updatedAt }))
    .execute();
}

/** The scores of applications (of a project, or one), with their mentors' names. */
export function listScores(db: Db, scope: { projectId: number } | { applicationId: number }) {
  let query = db
    .selectFrom("applicationScores")
    .innerJoin("applications", "applications.id", "applicationScores.applicationId")
    .innerJoin("people", "people.id", "applicationScores.personId")
    .select([
      "applicationScores.applicationId",
      "applicationScores.personId",
      "people.name as mentorName",
      "applicationScores.score",
      "applicationScores.updatedAt",
    ])
    .orderBy("people.name");
  query = "projectId" in scope ? query.where("applications.projectId", "=", scope.projectId) : query.where("applications.id", "=", scope.applicationId);
  return query.execute();
}

/** Adds a note to an application; returns its id. */
export async function insertNote(db: Db, input: { applicationId: number; personId: number; body: string; at: Date }): Promise<number> {
  const row = await db
    .insertInto("applicationNotes")
    .values({ applicationId: input.applicationId, personId: input.personId, body: input.body, createdAt: input.at.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An application's notes, oldest first, with their authors' names. */
export function listNotes(db: Db, applicationId: number) {
  return db
    .selectFrom("applicationNotes")
    .innerJoin("people", "people.id", "applicationNotes.personId")
    .select(["applicationNotes.id", "people.name as authorName", "applicationNotes.body", "applicationNotes.createdAt"])
    .where("applicationNotes.applicationId", "=", applicationId)
    .orderBy("applicationNotes.id")
    .execute();
}

/** How many notes each application of a project has. */
export async function countNotesOfProject(db: Db, projectId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("applicationNotes")
    .innerJoin("applications", "applications.id", "applicationNotes.applicationId")
    .select((eb) => ["applicationNotes.applicationId", eb.fn.countAll<number>().as("notes")])
    .where("applications.projectId", "=", projectId)
    .groupBy("applicationNotes.applicationId")
    .execute();
  return new Map(rows.map((row) => [row.applicationId, Number(row.notes)]));
}

/** How many applications each applicant of a term has submitted (and kept since), by person. */
export async function countSubmittedApplicationsOf(db: Db, termId: number, personIds: readonly number[]): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("applications")
    .select((eb) => ["personId", eb.fn.countAll<number>().as("applications")])
    .where("termId", "=", termId)
    .where("state", "in", CAPPED_APPLICATION_STATES)
    .where("personId", "in", personIds)
    .groupBy("personId")
    .execute();
  return new Map(rows.map((row) => [row.personId, Number(row.applications)]));
}

/** A project's applications in review: submitted and decided since, with their applicants. */
export function listReviewApplications(db: Db, projectId: number) {
  return db
    .selectFrom("applications")
    .innerJoin("people", "people.id", "applications.personId")
    .select([
      "applications.id",
      "applications.state",
      "applications.personId",
      "applications.submittedAt",
      "applications.reviewMark",
      "applications.shortlistRank",
      "people.name",
      "people.githubHandle",
      "people.pronouns",
      "people.country",
    ])
    .where("applications.projectId", "=", projectId)
    .where("applications.state", "in", CAPPED_APPLICATION_STATES)
    .orderBy("applications.submittedAt")
    .orderBy("applications.id")
    .execute();
}

/** Sets an application's mark and its place in the shortlist. */
export async function setReviewMark(db: Db, applicationId: number, input: { mark: ReviewMark | null; shortlistRank: number | null; at: Date }): Promise<void> {
  await db
    .updateTable("applications")
    .set({ reviewMark: input.mark, shortlistRank: input.shortlistRank, markedAt: input.mark === null ? null : input.at.toISOString() })
    .where("id", "=", applicationId)
    .execute();
}

/** The project's shortlist in its order: application ids, best first. */
export async function listShortlist(db: Db, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("applications")
    .select("id")
    .where("projectId", "=", projectId)
    .where("reviewMark", "=", "shortlisted")
    .where("state", "in", CAPPED_APPLICATION_STATES)
    .orderBy("shortlistRank")
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}
