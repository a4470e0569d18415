import type { z } from "zod";
import { skillLabel } from "../domain/canonical-skill.ts";
import type { SignedIn } from "../policies/actor.ts";
import type { MeResponse } from "../schemas/account.ts";
import type { PersonRow, RolesOfPerson } from "../storage/schema.ts";

/** The signed-in person's own view: their profile, their roles, and the CSRF token of their session. */
export function presentMe(person: PersonRow, roles: RolesOfPerson, actor: SignedIn): z.infer<typeof MeResponse> {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    emailVerified: person.emailVerifiedAt !== null,
    githubHandle: person.githubHandle,
    timeZone: person.timeZone,
    country: person.country,
    skills: profileSkills(person),
    pronouns: person.pronouns,
    portfolioUrl: person.portfolioUrl,
    cvUrl: person.cvUrl,
    roles: [
      ...roles.grants.map((grant) => ({
        role: grant.role,
        program: { slug: grant.programSlug, name: grant.programName },
        organization: grant.organizationSlug && grant.organizationName ? { slug: grant.organizationSlug, name: grant.organizationName } : null,
        project: null,
      })),
      ...roles.mentored.map((project) => ({
        role: "mentor" as const,
        program: { slug: project.programSlug, name: project.programName },
        organization: { slug: project.organizationSlug, name: project.organizationName },
        project: { slug: project.projectSlug, title: project.projectTitle },
      })),
    ],
    authenticatedWith: actor.via.type,
    csrfToken: actor.via.type === "session" ? actor.via.csrfToken : null,
  };
}

/** A person's skills as tags with labels, read from the stored JSON. */
function profileSkills(person: PersonRow): Array<{ tag: string; label: string }> {
  try {
    const tags: unknown = JSON.parse(person.skills);
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === "string").map((tag) => ({ tag, label: skillLabel(tag) })) : [];
  } catch {
    return [];
  }
}
