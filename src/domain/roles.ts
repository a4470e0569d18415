/**
 * The roles a person can hold in a program: a program admin runs the program, a maintainer
 * looks after an organization's projects, a mentor guides the mentees of one project.
 */
export const ROLES = ["program_admin", "maintainer", "mentor"] as const;

/** One role. */
export type Role = (typeof ROLES)[number];

/** The roles granted on a scope (`role_grants`); a mentor is a row of `project_mentors` instead. */
export const GRANTED_ROLES = ["program_admin", "maintainer"] as const satisfies readonly Role[];

/** One granted role. */
export type GrantedRole = (typeof GRANTED_ROLES)[number];

/** A role in a sentence, "a maintainer": the invitation email and the web UI say it the same way. */
export const ROLE_ARTICLES: Record<Role, string> = { program_admin: "a program admin", maintainer: "a maintainer", mentor: "a mentor" };
