import { AppError } from "../../errors/app-error.ts";
import { type Actor, isSignedIn } from "../../policies/actor.ts";
import { canManageProjectApplications } from "../../policies/application-board-policy.ts";
import { countApplicationsOfProjects, findBoardProject } from "../../storage/repos/application-board-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { BoardProjectData, BoardProjectRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

// What the mentors' and admins' commands on one project share: who may read its applications
// and set its soft cap, and the project with its counts and its term's timeline.

/**
 * An accepted project, once the actor is known to be one of its confirmed mentors or an admin of
 * its program. A visitor is asked to sign in (401); to anyone else the project's applications do
 * not exist (404), so nobody learns who applied where.
 */
export async function requireBoardProject(db: Db, actor: Actor, projectSlug: string): Promise<BoardProjectRow> {
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const project = await findBoardProject(db, projectSlug);
  if (project?.state !== "accepted" || !canManageProjectApplications(actor, project)) {
    throw new AppError("NOT_FOUND", `There are no applications to a project "${projectSlug}" that you mentor.`);
  }
  return project;
}

/** The project with its application counts and its term's timeline. */
export async function withCountsAndTimeline(db: Db, project: BoardProjectRow): Promise<BoardProjectData> {
  const [counts, phases] = await Promise.all([countApplicationsOfProjects(db, [project.id]), listTimeline(db, project.termId)]);
  return {
    project,
    counts: counts.get(project.id) ?? { submitted: 0, drafts: 0 },
    timeline: toTermTimeline({ title: project.termTitle, timeZone: project.termTimeZone }, phases),
  };
}
