import { softCapReached } from "../../domain/applicant-bands.ts";
import { type ApplicantStanding, listSharedSkills } from "../../storage/repos/application-board-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import type { SimilarProjectRow } from "../../storage/schema.ts";

/** The most similar projects a project page suggests. */
const SIMILAR_MAX = 3;

/**
 * Up to three accepted projects of the project's term that share skills with it, have fewer
 * submitted applications and still take new ones: most shared skills first, then the least
 * crowded, so applicants can spread to projects that need them.
 */
export async function findSimilarProjects(
  db: Db,
  project: { id: number; termId: number },
  standings: ReadonlyMap<number, ApplicantStanding>,
): Promise<SimilarProjectRow[]> {
  const own = standings.get(project.id)?.submitted ?? 0;
  const byProject = new Map<number, SimilarProjectRow>();
  for (const row of await listSharedSkills(db, project)) {
    const known = byProject.get(row.id);
    if (known) {
      known.sharedSkills.push({ tag: row.tag, label: row.label });
      continue;
    }
    const { tag, label, ...rest } = row;
    byProject.set(row.id, { ...rest, sharedSkills: [{ tag, label }], submitted: standings.get(row.id)?.submitted ?? 0 });
  }
  return [...byProject.values()]
    .filter((candidate) => candidate.submitted < own && !softCapReached(candidate.submitted, standings.get(candidate.id)?.applicationCap ?? null))
    .sort(
      (a, b) =>
        b.sharedSkills.length - a.sharedSkills.length ||
        a.submitted - b.submitted ||
        a.title.localeCompare(b.title, "en", { sensitivity: "base" }) ||
        a.id - b.id,
    )
    .slice(0, SIMILAR_MAX);
}
