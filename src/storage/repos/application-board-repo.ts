import { sql } from "kysely";
import { type ApplicationState, CAPPED_APPLICATION_STATES } from "../../domain/application-states.ts";
import type { ApplicantEligibility, ApplicationCounts, BoardProjectRow, ProjectApplicationRow, TermApplicationRow } from "../schema.ts";
import type { Db } from "./db.ts";

// What mentors and admins read about applications: a project's counts and soft cap, its
// applications, every application of a term, and the public applicant bands of the catalog.
// One application itself is read and written by application-repo.ts.

/** A project with its term and organization, as the mentors' and admins' pages name it. */
function boardProjects(db: Db) {
  return db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select([
      "projects.id",
      "projects.slug",
      "projects.title",
      "projects.state",
      "projects.applicationCap",
      "projects.slots",
      "projects.termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "terms.programId",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
    ]);
}

/** One project by its slug with its term and organization; undefined when none. */
export function findBoardProject(db: Db, slug: string): Promise<BoardProjectRow | undefined> {
  return boardProjects(db).where("projects.slug", "=", slug).executeTakeFirst();
}

/** The accepted projects a person is a confirmed mentor of, newest term first, then by title. */
export function listMentoredBoardProjects(db: Db, personId: number): Promise<BoardProjectRow[]> {
  return boardProjects(db)
    .innerJoin("projectMentors", "projectMentors.projectId", "projects.id")
    .where("projectMentors.personId", "=", personId)
    .where("projectMentors.confirmation", "=", "confirmed")
    .where("projects.state", "=", "accepted")
    .orderBy("terms.slug", "desc")
    .orderBy(sql`lower(projects.title)`)
    .orderBy("projects.id")
    .execute();
}

/** Submitted applications (and those decided since) and drafts of each project, in one query; a project without any is left out. */
export async function countApplicationsOfProjects(db: Db, projectIds: readonly number[]): Promise<Map<number, ApplicationCounts>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("applications")
    .select([
      "projectId",
      sql<number | string>`sum(case when state in (${sql.join(CAPPED_APPLICATION_STATES)}) then 1 else 0 end)`.as("submitted"),
      sql<number | string>`sum(case when state = 'draft' then 1 else 0 end)`.as("drafts"),
    ])
    .where("projectId", "in", projectIds)
    .groupBy("projectId")
    .execute();
  return new Map(rows.map((row) => [row.projectId, { submitted: Number(row.submitted), drafts: Number(row.drafts) }]));
}

/** How many applications an accepted project of a term has submitted, and its soft cap. */
export interface ApplicantStanding {
  submitted: number;
  applicationCap: number | null;
}

/**
 * Every accepted project of a term with its submitted applications (and those decided since)
 * and its soft cap, in one query for the whole term: the catalog's bands and "closed to new
 * applications" come from it.
 */
export async function listApplicantStandings(db: Db, termId: number): Promise<Map<number, ApplicantStanding>> {
  const rows = await db
    .selectFrom("projects")
    .leftJoin("applications", (join) => join.onRef("applications.projectId", "=", "projects.id").on("applications.state", "in", CAPPED_APPLICATION_STATES))
    .select(["projects.id", "projects.applicationCap", (eb) => eb.fn.count<number | string>("applications.id").as("submitted")])
    .where("projects.termId", "=", termId)
    .where("projects.state", "=", "accepted")
    .groupBy(["projects.id", "projects.applicationCap"])
    .execute();
  return new Map(rows.map((row) => [row.id, { submitted: Number(row.submitted), applicationCap: row.applicationCap }]));
}

/** A project's submitted applications and those decided since (never drafts or withdrawn ones), first submitted first. */
export function listProjectApplications(db: Db, projectId: number, options: { hiddenFrom?: number } = {}): Promise<ProjectApplicationRow[]> {
  let query = db
    .selectFrom("applications")
    .innerJoin("people", "people.id", "applications.personId")
    .select(["applications.id", "applications.state", "applications.submittedAt", "people.name as applicantName", "people.githubHandle", "people.pronouns"])
    .where("applications.projectId", "=", projectId)
    .where("applications.state", "in", CAPPED_APPLICATION_STATES);
  const { hiddenFrom } = options;
  if (hiddenFrom !== undefined) {
    // A mentor's declared conflicts of interest hide those applications from them.
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reviewConflicts")
            .select("reviewConflicts.applicationId")
            .whereRef("reviewConflicts.applicationId", "=", "applications.id")
            .where("reviewConflicts.personId", "=", hiddenFrom),
        ),
      ),
    );
  }
  return query.orderBy("applications.submittedAt").orderBy("applications.id").execute();
}

/** The filters of a term's applications, as the admins' list and its export take them; each given narrows the list. */
export interface TermApplicationFilter {
  termId: number;
  states: readonly ApplicationState[] | undefined;
  organizationSlug: string | undefined;
  projectSlug: string | undefined;
  /** Words that must all appear in the applicant's name, GitHub handle or email address. */
  q: string | undefined;
  eligibility: ApplicantEligibility | undefined;
}

/**
 * A term's applications matching the filter, most recently submitted (or saved) first: a page
 * of them and how many match in all, or every one of them when `page` is null (the export).
 */
export async function searchTermApplications(
  db: Db,
  filter: TermApplicationFilter,
  page: { offset: number; limit: number } | null,
): Promise<{ rows: TermApplicationRow[]; total: number }> {
  // Nothing to answer when the term asks no eligibility questions: every applicant is eligible.
  const eligibility = sql<ApplicantEligibility>`case
    when not exists (select 1 from term_eligibility_questions q where q.term_id = applications.term_id) then 'eligible'
    when eligibility_answers.eligible = 1 then 'eligible'
    when eligibility_answers.eligible = 0 then 'not_eligible'
    else 'unanswered' end`;
  const words = (filter.q?.toLowerCase().match(/\S+/g) ?? []).slice(0, 12);
  const matching = db
    .selectFrom("applications")
    .innerJoin("people", "people.id", "applications.personId")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .leftJoin("eligibilityAnswers", (join) =>
      join.onRef("eligibilityAnswers.termId", "=", "applications.termId").onRef("eligibilityAnswers.personId", "=", "applications.personId"),
    )
    .where("applications.termId", "=", filter.termId)
    .$if(filter.states !== undefined, (qb) => qb.where("applications.state", "in", filter.states ?? []))
    .$if(filter.organizationSlug !== undefined, (qb) => qb.where("organizations.slug", "=", filter.organizationSlug ?? ""))
    .$if(filter.projectSlug !== undefined, (qb) => qb.where("projects.slug", "=", filter.projectSlug ?? ""))
    .$if(filter.eligibility !== undefined, (qb) => qb.where(eligibility, "=", filter.eligibility ?? "eligible"))
    .$if(words.length > 0, (qb) =>
      qb.where((eb) =>
        eb.and(
          words.map((word) => {
            const contains = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
            return eb.or(
              (["people.name", "people.githubHandle", "people.email"] as const).map((column) =>
                eb(sql`lower(${sql.ref(column)})`, "like", sql`${contains} escape '\\'`),
              ),
            );
          }),
        ),
      ),
    );
  const rowsQuery = matching
    .select([
      "applications.id",
      "applications.state",
      "applications.submittedAt",
      "applications.updatedAt",
      "applications.coverLetter",
      "applications.links",
      "people.name as applicantName",
      "people.email as applicantEmail",
      "people.githubHandle",
      "people.pronouns",
      "people.country",
      "people.timeZone",
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      eligibility.as("eligibility"),
    ])
    .orderBy(sql`coalesce(applications.submitted_at, applications.updated_at)`, "desc")
    .orderBy("applications.id", "desc")
    .$if(page !== null, (qb) => qb.limit(page?.limit ?? 0).offset(page?.offset ?? 0));
  const [rows, total] = await Promise.all([rowsQuery.execute(), matching.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow()]);
  return { rows, total: Number(total.n) };
}

/** How many applications of a term stand in each state. */
export async function countTermApplicationsByState(db: Db, termId: number): Promise<Map<ApplicationState, number>> {
  const rows = await db
    .selectFrom("applications")
    .select(["state", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("termId", "=", termId)
    .groupBy("state")
    .execute();
  return new Map(rows.map((row) => [row.state, Number(row.count)]));
}

/** One skill another accepted project of the term shares with a project: a row per project and shared skill. */
export interface SharedSkillRow {
  id: number;
  slug: string;
  title: string;
  organizationSlug: string;
  organizationName: string;
  tag: string;
  label: string;
}

/** The skills other accepted projects of a term share with a project, a row per project and shared skill, in each project's skill order. */
export function listSharedSkills(db: Db, project: { id: number; termId: number }): Promise<SharedSkillRow[]> {
  return db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .innerJoin("projectSkills", "projectSkills.projectId", "projects.id")
    .innerJoin("skills", "skills.id", "projectSkills.skillId")
    .select([
      "projects.id",
      "projects.slug",
      "projects.title",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "skills.tag",
      "skills.label",
    ])
    .where("projects.termId", "=", project.termId)
    .where("projects.state", "=", "accepted")
    .where("projects.id", "<>", project.id)
    .where("projectSkills.skillId", "in", db.selectFrom("projectSkills").select("skillId").where("projectId", "=", project.id))
    .orderBy("projects.id")
    .orderBy("projectSkills.position")
    .execute();
}
