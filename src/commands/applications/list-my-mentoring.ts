import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countApplicationsOfProjects, listMentoredBoardProjects } from "../../storage/repos/application-board-repo.ts";
import { mapTimelines } from "../../storage/repos/term-repo.ts";
import type { BoardProjectData } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

/**
 * The accepted projects the actor is a confirmed mentor of, newest term first, each with its
 * submitted and draft applications, its soft cap and its term's timeline (for the deadline):
 * three queries, whatever the number of projects.
 */
export async function listMyMentoring(options: { database: DatabaseHandle; actor: SignedIn }): Promise<BoardProjectData[]> {
  const db = options.database.db;
  const projects = await listMentoredBoardProjects(db, options.actor.personId);
  const [counts, timelines] = await Promise.all([
    countApplicationsOfProjects(
      db,
      projects.map((project) => project.id),
    ),
    mapTimelines(db, [...new Set(projects.map((project) => project.termId))]),
  ]);
  return projects.map((project) => ({
    project,
    counts: counts.get(project.id) ?? { submitted: 0, drafts: 0 },
    timeline: toTermTimeline({ title: project.termTitle, timeZone: project.termTimeZone }, timelines.get(project.termId) ?? []),
  }));
}
