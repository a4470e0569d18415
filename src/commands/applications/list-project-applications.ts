import { type Actor, isSignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listProjectApplications as listApplicationsOfProject } from "../../storage/repos/application-board-repo.ts";
import type { BoardProjectData, ProjectApplicationRow } from "../../storage/schema.ts";
import { requireBoardProject, withCountsAndTimeline } from "./board-project-access.ts";

/**
 * A project's submitted applications (and those decided since) for its confirmed mentors and its
 * program's admins, read-only, with its counts and soft cap; drafts and withdrawn applications
 * stay the applicants' own, and a mentor's declared conflicts of interest are left out of their list.
 */
export async function listProjectApplications(options: {
  database: DatabaseHandle;
  actor: Actor;
  projectSlug: string;
}): Promise<BoardProjectData & { items: ProjectApplicationRow[] }> {
  const db = options.database.db;
  const project = await requireBoardProject(db, options.actor, options.projectSlug);
  const { actor } = options;
  const hiddenFrom = isSignedIn(actor) && !isProgramAdmin(actor, project.programId) ? actor.personId : undefined;
  const [data, items] = await Promise.all([withCountsAndTimeline(db, project), listApplicationsOfProject(db, project.id, { hiddenFrom })]);
  return { ...data, items };
}
