import type { Selectable } from "kysely";
import type { GrantedRole } from "../../domain/roles.ts";
import type { RoleGrantTable, RolesOfPerson } from "../schema.ts";
import type { Db } from "./db.ts";

/** A stored role grant. */
export type RoleGrantRow = Selectable<RoleGrantTable>;

/** Grants a role on a scope; granting it again changes nothing. Returns whether it was new. */
export async function grantRole(
  db: Db,
  input: { personId: number; role: GrantedRole; programId: number; organizationId: number | null; grantedBy: number | null; at: Date },
): Promise<boolean> {
  const existing = await db
    .selectFrom("roleGrants")
    .select("id")
    .where("personId", "=", input.personId)
    .where("role", "=", input.role)
    .where("programId", "=", input.programId)
    .where("organizationId", input.organizationId === null ? "is" : "=", input.organizationId)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto("roleGrants")
    .values({
      personId: input.personId,
      role: input.role,
      programId: input.programId,
      organizationId: input.organizationId,
      grantedByPersonId: input.grantedBy,
      createdAt: input.at.toISOString(),
    })
    .execute();
  return true;
}

/** Every grant a person holds. */
export function listGrantsOf(db: Db, personId: number): Promise<RoleGrantRow[]> {
  return db.selectFrom("roleGrants").selectAll().where("personId", "=", personId).orderBy("id").execute();
}

/**
 * The projects a person is named on as a mentor: `mentored` those they confirmed (a mentor's
 * rights), `named` every one, answered or not (they may read the proposal to answer it).
 */
export async function listMentoredProjectIds(db: Db, personId: number): Promise<{ mentored: number[]; named: number[] }> {
  const rows = await db.selectFrom("projectMentors").select(["projectId", "confirmation"]).where("personId", "=", personId).execute();
  return { mentored: rows.filter((row) => row.confirmation === "confirmed").map((row) => row.projectId), named: rows.map((row) => row.projectId) };
}

/** The people of a program with their roles: admins, maintainers and mentors of its projects. */
export async function listProgramPeople(db: Db, programId: number) {
  const [grants, mentors] = await Promise.all([
    db
      .selectFrom("roleGrants")
      .innerJoin("people", "people.id", "roleGrants.personId")
      .leftJoin("organizations", "organizations.id", "roleGrants.organizationId")
      .select([
        "people.id as personId",
        "people.name",
        "people.githubHandle",
        "people.email",
        "roleGrants.role",
        "organizations.slug as organizationSlug",
        "organizations.name as organizationName",
      ])
      .where("roleGrants.programId", "=", programId)
      .orderBy("people.name")
      .execute(),
    db
      .selectFrom("projectMentors")
      .innerJoin("projects", "projects.id", "projectMentors.projectId")
      .innerJoin("terms", "terms.id", "projects.termId")
      .innerJoin("people", "people.id", "projectMentors.personId")
      .select(["people.id as personId", "people.name", "people.githubHandle", "people.email", "projects.slug as projectSlug", "projects.title as projectTitle"])
      .where("terms.programId", "=", programId)
      .where("projectMentors.confirmation", "=", "confirmed")
      .orderBy("people.name")
      .execute(),
  ]);
  return { grants, mentors };
}

/** A person's roles with the names of their scopes: grants, then the projects they mentor. */
export async function listRolesOf(db: Db, personId: number): Promise<RolesOfPerson> {
  const [grants, mentored] = await Promise.all([
    db
      .selectFrom("roleGrants")
      .innerJoin("programs", "programs.id", "roleGrants.programId")
      .leftJoin("organizations", "organizations.id", "roleGrants.organizationId")
      .select([
        "roleGrants.role",
        "programs.slug as programSlug",
        "programs.name as programName",
        "organizations.slug as organizationSlug",
        "organizations.name as organizationName",
      ])
      .where("roleGrants.personId", "=", personId)
      .orderBy("roleGrants.id")
      .execute(),
    db
      .selectFrom("projectMentors")
      .innerJoin("projects", "projects.id", "projectMentors.projectId")
      .innerJoin("organizations", "organizations.id", "projects.organizationId")
      .innerJoin("programs", "programs.id", "organizations.programId")
      .select([
        "projects.slug as projectSlug",
        "projects.title as projectTitle",
        "programs.slug as programSlug",
        "programs.name as programName",
        "organizations.slug as organizationSlug",
        "organizations.name as organizationName",
      ])
      .where("projectMentors.personId", "=", personId)
      .where("projectMentors.confirmation", "=", "confirmed")
      .orderBy("projects.id", "desc")
      .execute(),
  ]);
  return { grants, mentored };
}

/** The admins of a program who have an email address, to tell them what needs them. */
export function listProgramAdmins(db: Db, programId: number): Promise<Array<{ personId: number; name: string; email: string }>> {
  return db
    .selectFrom("roleGrants")
    .innerJoin("people", "people.id", "roleGrants.personId")
    .select(["people.id as personId", "people.name", "people.email"])
    .where("roleGrants.programId", "=", programId)
    .where("roleGrants.role", "=", "program_admin")
    .where("people.email", "is not", null)
    .orderBy("people.id")
    .execute() as Promise<Array<{ personId: number; name: string; email: string }>>;
}
