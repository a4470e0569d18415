import { ROLE_ARTICLES, type Role } from "../../../src/domain/roles.ts";
import type { RoleGrant } from "../../../src/schemas/account.ts";

/** A role's key, as the API names it. */
export type RoleKey = Role;

/** "a maintainer", for sentences. */
export const ROLE_ARTICLE = ROLE_ARTICLES;

/** "Maintainer", for labels and chips. */
export const ROLE_LABEL: Record<RoleKey, string> = { program_admin: "Program admin", maintainer: "Maintainer", mentor: "Mentor" };

/** What a role lets a person do, in one sentence. */
export const ROLE_MEANING: Record<RoleKey, string> = {
  program_admin: "Program admins invite people, see the audit log and the emails of the program, and run its terms.",
  maintainer: "Maintainers look after their organization's projects and invite the mentors of those projects.",
  mentor: "Mentors review the applications to their project and guide the mentee through the term.",
};

/** Where a role applies: "Harbor · Cohort Test Mentorship", or the program alone. */
export function roleScope(role: RoleGrant): string {
  const parts = [role.project?.title, role.project ? null : role.organization?.name, role.program.name].filter(Boolean);
  return parts.join(" · ");
}
