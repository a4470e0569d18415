import type { Insertable } from "kysely";
import type { ProjectDetails, ProjectOfProgram, ProjectRow, ProjectTable, ProjectWithDetails } from "../schema.ts";
import type { Db } from "./db.ts";

/** The fields of a project that a proposal, an import or an admin sets. */
export type ProjectFields = Omit<Insertable<ProjectTable>, "id" | "termId" | "slug" | "createdAt" | "updatedAt">;

/** The projects of a term, keyed by slug. */
export async function mapProjectsBySlug(db: Db, termId: number): Promise<Map<string, ProjectRow>> {
  const rows = await db.selectFrom("projects").selectAll().where("termId", "=", termId).execute();
  return new Map(rows.map((row) => [row.slug, row]));
}

/** Creates a project in a term. */
export function insertProject(db: Db, termId: number, slug: string, fields: ProjectFields, at: Date): Promise<ProjectRow> {
  const now = at.toISOString();
  return db
    .insertInto("projects")
    .values({ ...fields, termId, slug, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a project's fields. */
export function updateProject(db: Db, projectId: number, fields: Partial<ProjectFields>, at: Date): Promise<ProjectRow> {
  return db
    .updateTable("projects")
    .set({ ...fields, updatedAt: at.toISOString() })
    .where("id", "=", projectId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A mentor of a project as its term page names them: the person, and the name and address the page gave. */
export interface MentorLink {
  personId: number;
  contactName: string | null;
  contactEmail: string | null;
}

/** Sets a project's mentors, in order, each with the contact its page gave, replacing the previous list. */
export async function replaceProjectMentors(db: Db, projectId: number, mentors: readonly MentorLink[]): Promise<void> {
  await db.deleteFrom("projectMentors").where("projectId", "=", projectId).execute();
  // A person named twice on one project keeps the first contact the page gave them.
  const seen = new Set<number>();
  const unique = mentors.filter((mentor) => !seen.has(mentor.personId) && seen.add(mentor.personId));
  if (unique.length === 0) return;
  await db
    .insertInto("projectMentors")
    .values(unique.map((mentor, index) => ({ projectId, ...mentor, position: index + 1 })))
    .execute();
}

/** Sets a project's skills, in order, each with its original wording. */
export async function replaceProjectSkills(db: Db, projectId: number, skills: ReadonlyArray<{ skillId: number; originalText: string }>): Promise<void> {
  await db.deleteFrom("projectSkills").where("projectId", "=", projectId).execute();
  const seen = new Set<number>();
  const rows = skills.filter((skill) => !seen.has(skill.skillId) && seen.add(skill.skillId));
  if (rows.length === 0) return;
  await db
    .insertInto("projectSkills")
    .values(rows.map((skill, index) => ({ projectId, skillId: skill.skillId, originalText: skill.originalText, position: index + 1 })))
    .execute();
}

/** Sets a project's upstream issue links, in order. */
export async function replaceUpstreamLinks(db: Db, projectId: number, urls: readonly string[]): Promise<void> {
  await db.deleteFrom("upstreamLinks").where("projectId", "=", projectId).execute();
  if (urls.length === 0) return;
  await db
    .insertInto("upstreamLinks")
    .values(urls.map((url, index) => ({ projectId, url, position: index + 1 })))
    .execute();
}

function projectsWithOrganization(db: Db) {
  return db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .selectAll("projects")
    .select(["organizations.slug as organizationSlug", "organizations.name as organizationName", "organizations.intro as organizationIntro"]);
}

/**
 * The projects of a term with organization, mentors, skills and links, in page order
 * (by the line each started on). Four queries, whatever the number of projects.
 */
export async function listProjectsWithDetails(db: Db, termId: number, states?: readonly ProjectRow["state"][]): Promise<ProjectWithDetails[]> {
  const projects = await projectsWithOrganization(db)
    .where("projects.termId", "=", termId)
    .$if(states !== undefined && states.length > 0, (qb) => qb.where("projects.state", "in", states ?? []))
    .orderBy("projects.sourceLine")
    .orderBy("projects.id")
    .execute();
  return attachProjectDetails(db, projects);
}

/** One project by its slug, with organization, mentors, skills and links; undefined when none. */
export async function findProjectWithDetails(db: Db, slug: string): Promise<ProjectWithDetails | undefined> {
  const project = await projectsWithOrganization(db).where("projects.slug", "=", slug).executeTakeFirst();
  if (!project) return undefined;
  const [withDetails] = await attachProjectDetails(db, [project]);
  return withDetails;
}

/** Adds confirmed mentors, skills and upstream links to project rows, in three queries for all of them. */
export async function attachProjectDetails<T extends { id: number }>(db: Db, projects: T[]): Promise<Array<T & ProjectDetails>> {
  if (projects.length === 0) return [];
  const ids = projects.map((project) => project.id);
  const [mentors, skills, links] = await Promise.all([
    db
      .selectFrom("projectMentors")
      .innerJoin("people", "people.id", "projectMentors.personId")
      .select([
        "projectMentors.projectId",
        "people.id as personId",
        "people.name",
        "people.githubHandle",
        "projectMentors.contactName",
        "projectMentors.contactEmail",
      ])
      .where("projectMentors.projectId", "in", ids)
      // A mentor named on a proposal is shown only once they confirmed (WORKFLOW.md, "Proposals").
      .where("projectMentors.confirmation", "=", "confirmed")
      .orderBy("projectMentors.position")
      .execute(),
    db
      .selectFrom("projectSkills")
      .innerJoin("skills", "skills.id", "projectSkills.skillId")
      .select(["projectSkills.projectId", "skills.tag", "skills.label", "projectSkills.originalText"])
      .where("projectSkills.projectId", "in", ids)
      .orderBy("projectSkills.position")
      .execute(),
    db.selectFrom("upstreamLinks").select(["projectId", "url"]).where("projectId", "in", ids).orderBy("position").execute(),
  ]);
  const mentorsOf = groupByProject(mentors);
  const skillsOf = groupByProject(skills);
  const linksOf = groupByProject(links);
  return projects.map((project) => ({
    ...project,
    mentors: (mentorsOf.get(project.id) ?? []).map(({ projectId: _, ...mentor }) => mentor),
    skills: (skillsOf.get(project.id) ?? []).map(({ projectId: _, ...skill }) => skill),
    upstreamIssues: (linksOf.get(project.id) ?? []).map((link) => link.url),
  }));
}

function groupByProject<T extends { projectId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.projectId);
    if (list) list.push(row);
    else map.set(row.projectId, [row]);
  }
  return map;
}

/** A project with the program it belongs to, by slug; undefined when none. */
export function findProjectInProgram(db: Db, slug: string) {
  return db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .select(["projects.id", "projects.slug", "projects.title", "projects.organizationId", "terms.programId"])
    .where("projects.slug", "=", slug)
    .executeTakeFirst();
}

/** Adds a person as a mentor of a project (after the others); nothing when they already are. */
export async function addProjectMentor(db: Db, projectId: number, personId: number): Promise<void> {
  const last = await db
    .selectFrom("projectMentors")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("projectId", "=", projectId)
    .executeTakeFirst();
  await db
    .insertInto("projectMentors")
    .values({ projectId, personId, position: Number(last?.position ?? 0) + 1 })
    .onConflict((conflict) => conflict.columns(["projectId", "personId"]).doNothing())
    .execute();
}

/** The project with this id, or undefined. */
export function findProjectById(db: Db, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every project of a program's terms with its term, newest term first, then by title. */
export function listProjectsOfProgram(db: Db, programId: number): Promise<ProjectOfProgram[]> {
  return db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .select(["projects.slug", "projects.title", "projects.organizationId", "terms.slug as termSlug", "terms.title as termTitle"])
    .where("terms.programId", "=", programId)
    .orderBy("terms.slug", "desc")
    .orderBy("projects.title")
    .orderBy("projects.id")
    .execute();
}
