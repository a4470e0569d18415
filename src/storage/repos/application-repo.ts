import { sql, type Updateable } from "kysely";
import { type ApplicationState, CAPPED_APPLICATION_STATES } from "../../domain/application-states.ts";
import type {
  ApplicationAnswerRow,
  ApplicationQuestionRow,
  ApplicationRecord,
  ApplicationRow,
  ApplicationTable,
  ApplicationTargetRow,
  MyApplicationRow,
} from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";

/** The columns an application command writes. */
export type ApplicationFields = Omit<Updateable<ApplicationTable>, "id" | "termId" | "projectId" | "personId" | "createdAt" | "updatedAt">;

/**
 * A project by its slug as the application commands need it: its state and soft cap, its
 * organization, its term and the program's application limit. One query; undefined when none.
 */
export async function loadApplicationTarget(db: Db, projectSlug: string): Promise<ApplicationTargetRow | undefined> {
  const row = await db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .innerJoin("programs", "programs.id", "terms.programId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select([
      "projects.id",
      "projects.slug",
      "projects.title",
      "projects.state",
      "projects.organizationId",
      "projects.applicationCap",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "terms.id as termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "terms.programId",
      "terms.publishedAt as termPublishedAt",
      "programs.applicationLimit",
    ])
    .where("projects.slug", "=", projectSlug)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    project: { id: row.id, slug: row.slug, title: row.title, state: row.state, organizationId: row.organizationId, applicationCap: row.applicationCap },
    organization: { slug: row.organizationSlug, name: row.organizationName },
    term: { id: row.termId, slug: row.termSlug, title: row.termTitle, timeZone: row.termTimeZone, programId: row.programId, publishedAt: row.termPublishedAt },
    applicationLimit: row.applicationLimit,
  };
}

/** A project's tasks and questions in form order, with the ids an application's answers refer to. */
export async function listApplicationQuestions(db: Db, projectId: number): Promise<ApplicationQuestionRow[]> {
  const rows = await db
    .selectFrom("projectQuestions")
    .select(["id", "section", "kind", "prompt", "choices", "required"])
    .where("projectId", "=", projectId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, choices: parseStrings(row.choices), required: row.required === 1 }));
}

/** The applicant's application to a project, whole; undefined when they have none. */
export function findApplicationOf(db: Db, projectId: number, personId: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom("applications").selectAll().where("projectId", "=", projectId).where("personId", "=", personId).executeTakeFirst();
}

/** The id and state of the applicant's application to a project, the least a write must know; undefined when none. */
export function findApplicationStateOf(db: Db, projectId: number, personId: number): Promise<{ id: number; state: ApplicationState } | undefined> {
  return db.selectFrom("applications").select(["id", "state"]).where("projectId", "=", projectId).where("personId", "=", personId).executeTakeFirst();
}

/** The cover letter stored on the applicant's application to a project, with its rendered HTML; undefined when they have none. */
export function findCoverLetterOf(db: Db, projectId: number, personId: number): Promise<{ coverLetter: string; coverLetterHtml: string } | undefined> {
  return db
    .selectFrom("applications")
    .select(["coverLetter", "coverLetterHtml"])
    .where("projectId", "=", projectId)
    .where("personId", "=", personId)
    .executeTakeFirst();
}

/** An application by its id with its project, organization and term; undefined when there is none. */
export async function findApplicationById(db: Db, id: number): Promise<ApplicationRecord | undefined> {
  const row = await db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .innerJoin("terms", "terms.id", "applications.termId")
    .selectAll("applications")
    .select([
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "projects.organizationId",
      "projects.applicationCap",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "terms.programId",
    ])
    .where("applications.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    projectSlug,
    projectTitle,
    organizationId,
    applicationCap,
    organizationSlug,
    organizationName,
    termSlug,
    termTitle,
    termTimeZone,
    programId,
    ...application
  } = row;
  return toApplicationRecord(application, {
    project: { slug: projectSlug, title: projectTitle, organizationId, applicationCap },
    organization: { slug: organizationSlug, name: organizationName },
    term: { slug: termSlug, title: termTitle, timeZone: termTimeZone, programId },
  });
}

/** An application row read whole, with its JSON columns parsed and the project, organization and term it belongs to. */
export function toApplicationRecord(row: ApplicationRow, scope: Pick<ApplicationRecord, "project" | "organization" | "term">): ApplicationRecord {
  const { slug, title, organizationId, applicationCap } = scope.project;
  const project = { slug, title, organizationId, applicationCap };
  const organization = { slug: scope.organization.slug, name: scope.organization.name };
  const term = { slug: scope.term.slug, title: scope.term.title, timeZone: scope.term.timeZone, programId: scope.term.programId };
  return { ...row, answers: parseAnswers(row.answers), links: parseStrings(row.links), project, organization, term };
}

/** Creates an application; the unique (project, person) pair makes a second one a CONFLICT. */
export function insertApplication(
  db: Db,
  keys: { termId: number; projectId: number; personId: number },
  fields: ApplicationFields,
  at: Date,
): Promise<ApplicationRow> {
  const now = at.toISOString();
  return db
    .insertInto("applications")
    .values({ ...keys, ...fields, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes an application's fields and its updatedAt. */
export function updateApplication(db: Db, id: number, fields: ApplicationFields, at: Date): Promise<ApplicationRow> {
  return db
    .updateTable("applications")
    .set({ ...fields, updatedAt: at.toISOString() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The projects of an applicant's applications in a term that count towards the program's limit
 * (submitted and later), in the order they were submitted, leaving out `exceptProjectId`.
 */
export function listCappedApplicationsOf(
  db: Db,
  options: { personId: number; termId: number; exceptProjectId?: number },
): Promise<Array<{ projectSlug: string; projectTitle: string }>> {
  return db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .select(["projects.slug as projectSlug", "projects.title as projectTitle"])
    .where("applications.personId", "=", options.personId)
    .where("applications.termId", "=", options.termId)
    .where("applications.state", "in", CAPPED_APPLICATION_STATES)
    .$if(options.exceptProjectId !== undefined, (qb) => qb.where("applications.projectId", "<>", options.exceptProjectId ?? 0))
    .orderBy("applications.submittedAt")
    .orderBy("applications.id")
    .execute();
}

/** How many submitted (and later) applications a project has: what its band and its soft cap count. */
export async function countProjectApplicants(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("projectId", "=", projectId)
    .where("state", "in", CAPPED_APPLICATION_STATES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every application of a person in published terms, newest term first, then by project title. */
export function listApplicationsOfPerson(db: Db, personId: number): Promise<MyApplicationRow[]> {
  return db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .innerJoin("terms", "terms.id", "applications.termId")
    .select([
      "applications.id",
      "applications.state",
      "applications.termId",
      "applications.createdAt",
      "applications.updatedAt",
      "applications.submittedAt",
      "applications.withdrawnAt",
      "applications.applicantRank",
      "applications.offerSource",
      "applications.respondBy",
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
    ])
    .where("applications.personId", "=", personId)
    .where("terms.publishedAt", "is not", null)
    .orderBy("terms.slug", "desc")
    .orderBy(sql`lower(projects.title)`)
    .orderBy("applications.id")
    .execute();
}

/**
 * Locks the applicant's row until the transaction ends, so one person's writes to their
 * applications (and the cap they count) take turns on PostgreSQL. SQLite transactions already
 * hold the write lock from their first statement.
 */
export async function lockApplicant(db: Db, personId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select id from people where id = ${personId} for update`.execute(db);
}

/**
 * Locks a project's row until the transaction ends, so submissions counting its applicants (its
 * soft cap and band) take turns on PostgreSQL. Take it after `lockApplicant`, never before.
 */
export async function lockProjectForApplications(db: Db, projectId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select id from projects where id = ${projectId} for update`.execute(db);
}

function parseAnswers(json: string): ApplicationAnswerRow[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { questionId, answer } = item as Record<string, unknown>;
    return typeof questionId === "number" && typeof answer === "string" ? [{ questionId, answer }] : [];
  });
}

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** A person's submitted applications of a term, with their projects' titles, in the order of submission. */
export function listSubmittedApplicationsOf(db: Db, scope: { personId: number; termId: number }) {
  return db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .select(["applications.id", "projects.title as projectTitle"])
    .where("applications.personId", "=", scope.personId)
    .where("applications.termId", "=", scope.termId)
    .where("applications.state", "=", "submitted")
    .orderBy("applications.submittedAt")
    .orderBy("applications.id")
    .execute();
}

/** Numbers applications 1, 2, 3… in the given order: a project's shortlist (`shortlistRank`), or an applicant's preference (`applicantRank`). */
export async function numberApplications(db: Db, column: "shortlistRank" | "applicantRank", ordered: readonly number[]): Promise<void> {
  for (const [place, id] of ordered.entries()) {
    await db
      .updateTable("applications")
      .set({ [column]: place + 1 })
      .where("id", "=", id)
      .execute();
  }
}
