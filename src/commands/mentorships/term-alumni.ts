import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { requireVisibleTerm } from "../catalog/term-timelines.ts";

/**
 * A term's alumni for its public page: the mentees whose mentorship was completed and who chose
 * to be listed, with their name and project, and nothing else about them.
 */
export async function listTermAlumni(database: DatabaseHandle, termSlug: string, actor: Actor) {
  const term = requireVisibleTerm(actor, await findTermBySlug(database.db, termSlug), termSlug);
  return database.db
    .selectFrom("mentorships")
    .innerJoin("people", "people.id", "mentorships.personId")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select(["people.name", "projects.title as project", "projects.slug as projectSlug", "organizations.name as organization"])
    .where("mentorships.termId", "=", term.id)
    .where("mentorships.state", "=", "completed")
    .where("mentorships.listedAsAlumni", "=", 1)
    .orderBy("people.name")
    .execute();
}
