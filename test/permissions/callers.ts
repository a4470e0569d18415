import { findOrganizationBySlug } from "../../src/storage/repos/organization-repo.ts";
import { findProgramBySlug } from "../../src/storage/repos/program-repo.ts";
import { addProjectMentor, findProjectInProgram } from "../../src/storage/repos/project-repo.ts";
import { grantRole } from "../../src/storage/repos/role-repo.ts";
import { signUpAndVerify, type TestSession } from "../helpers/accounts.ts";
import type { TestApp } from "../helpers/app.ts";
import { seedCatalogFixture } from "../helpers/catalog-fixture.ts";

/** Every kind of caller the permission table tries. */
export const CALLERS = [
  "visitor",
  "applicant",
  "anotherApplicant",
  "mentorOfProject",
  "mentorOfAnotherProject",
  "maintainerOfOrganization",
  "maintainerOfAnotherOrganization",
  "programAdmin",
  "adminOfAnotherProgram",
] as const;

/** One caller of the table. */
export type Caller = (typeof CALLERS)[number];

/** The objects the table's requests are about, and a signed-in session per caller. */
export interface PermissionWorld {
  sessions: Record<Exclude<Caller, "visitor">, TestSession>;
  emails: Record<Exclude<Caller, "visitor">, string>;
  program: string;
  otherProgram: string;
  organization: string;
  anotherOrganization: string;
  project: string;
  anotherProject: string;
  /** An API token id owned by the applicant. */
  applicantTokenId: number;
  /** The ids of people by caller, for groups that name callers in their objects. */
  personIds: Record<Exclude<Caller, "visitor">, number>;
  /** Names of objects the row groups' setups made (see row.ts), by a key of the group's own. */
  extra: Record<string, string>;
}

export const PASSWORD = "permission table password";

/**
 * Builds the world the permission table runs in: the demo program (mentors of its Kestrel
 * project, maintainers of Kestrel and Saltbox, an admin) and a second program with its own admin.
 */
export async function buildPermissionWorld(t: TestApp): Promise<PermissionWorld> {
  await seedCatalogFixture(t.context.database);
  const db = t.context.database.db;
  const demo = await findProgramBySlug(db, "demo");
  const other = await findProgramBySlug(db, "hostile");
  const kestrel = demo ? await findOrganizationBySlug(db, demo.id, "kestrel") : undefined;
  const saltbox = demo ? await findOrganizationBySlug(db, demo.id, "saltbox") : undefined;
  const project = await findProjectInProgram(db, "2026-demo-term-02-ebpf-flow-logs-for-network-policies");
  const anotherProject = await findProjectInProgram(db, "2026-demo-term-02-signed-release-artifacts");
  if (!demo || !other || !kestrel || !saltbox || !project || !anotherProject) throw new Error("fixture incomplete");

  const sessions = {} as PermissionWorld["sessions"];
  const emails = {} as PermissionWorld["emails"];
  const people: Partial<Record<Caller, number>> = {};
  for (const caller of CALLERS) {
    if (caller === "visitor") continue;
    const email = `${caller.toLowerCase()}@example.org`;
    sessions[caller] = await signUpAndVerify(t, { name: caller, email, password: PASSWORD });
    emails[caller] = email;
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: sessions[caller].cookie } });
    people[caller] = me.json().id;
  }
  const at = new Date();
  const id = (caller: Caller) => people[caller] ?? 0;
  await addProjectMentor(db, project.id, id("mentorOfProject"));
  await addProjectMentor(db, anotherProject.id, id("mentorOfAnotherProject"));
  await grantRole(db, { personId: id("maintainerOfOrganization"), role: "maintainer", programId: demo.id, organizationId: kestrel.id, grantedBy: null, at });
  await grantRole(db, {
    personId: id("maintainerOfAnotherOrganization"),
    role: "maintainer",
    programId: demo.id,
    organizationId: saltbox.id,
    grantedBy: null,
    at,
  });
  await grantRole(db, { personId: id("programAdmin"), role: "program_admin", programId: demo.id, organizationId: null, grantedBy: null, at });
  await grantRole(db, { personId: id("adminOfAnotherProgram"), role: "program_admin", programId: other.id, organizationId: null, grantedBy: null, at });

  const token = await t.app.inject({
    method: "POST",
    url: "/api/me/tokens",
    payload: { name: "table", scope: "read" },
    headers: { cookie: sessions.applicant.cookie, "x-csrf-token": sessions.applicant.csrfToken },
  });
  return {
    sessions,
    emails,
    program: "demo",
    otherProgram: "hostile",
    organization: "kestrel",
    anotherOrganization: "saltbox",
    project: project.slug,
    anotherProject: anotherProject.slug,
    applicantTokenId: token.json().id,
    personIds: people as Record<Exclude<Caller, "visitor">, number>,
    extra: {},
  };
}
