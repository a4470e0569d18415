import type { Db } from "./db.ts";

// What the admins' selection page shows of a run: its mentorships with names, the term's
// accepted projects, and the names of everyone its findings mention.

/** A run's mentorships with the applicant's and the project's names. */
export function listRunAssignments(db: Db, runId: number) {
  return db
    .selectFrom("selectionAssignments")
    .innerJoin("people", "people.id", "selectionAssignments.personId")
    .select([
      "selectionAssignments.applicationId",
      "selectionAssignments.projectId",
      "selectionAssignments.personId",
      "selectionAssignments.projectRank",
      "selectionAssignments.applicantChoice",
      "selectionAssignments.pinned",
      "people.name",
      "people.githubHandle",
    ])
    .where("selectionAssignments.runId", "=", runId)
    .orderBy("selectionAssignments.projectId")
    .orderBy("selectionAssignments.projectRank")
    .execute();
}

/** The term's accepted projects with their organizations and slots, by title. */
export function listSelectionProjects(db: Db, termId: number) {
  return db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select(["projects.id", "projects.slug", "projects.title", "projects.slots", "organizations.name as organizationName"])
    .where("projects.termId", "=", termId)
    .where("projects.state", "=", "accepted")
    .orderBy("organizations.name")
    .orderBy("projects.title")
    .execute();
}

/** The names of people, by id. */
export async function mapPeopleNames(db: Db, personIds: readonly number[]): Promise<Map<number, { name: string; githubHandle: string | null }>> {
  const names = new Map<number, { name: string; githubHandle: string | null }>();
  const unique = [...new Set(personIds)];
  // Bounded lists keep one query under every engine's limit of bound values.
  for (let from = 0; from < unique.length; from += 1000) {
    const rows = await db
      .selectFrom("people")
      .select(["id", "name", "githubHandle"])
      .where("id", "in", unique.slice(from, from + 1000))
      .execute();
    for (const row of rows) names.set(row.id, { name: row.name, githubHandle: row.githubHandle });
  }
  return names;
}

/** The term's pins and exclusions, with the applicant's name and the project. */
export function listSelectionOverrides(db: Db, termId: number) {
  return db
    .selectFrom("selectionOverrides")
    .innerJoin("applications", "applications.id", "selectionOverrides.applicationId")
    .innerJoin("people", "people.id", "applications.personId")
    .select(["selectionOverrides.applicationId", "selectionOverrides.kind", "applications.projectId", "people.name"])
    .where("selectionOverrides.termId", "=", termId)
    .orderBy("selectionOverrides.createdAt")
    .execute();
}

/** Pins an application into the next run, excludes it, or clears either (null). */
export async function setSelectionOverride(
  db: Db,
  input: { termId: number; applicationId: number; kind: "pin" | "exclude" | null; personId: number; at: Date },
): Promise<void> {
  await db.deleteFrom("selectionOverrides").where("applicationId", "=", input.applicationId).execute();
  if (input.kind === null) return;
  await db
    .insertInto("selectionOverrides")
    .values({ applicationId: input.applicationId, termId: input.termId, kind: input.kind, personId: input.personId, createdAt: input.at.toISOString() })
    .execute();
}
