import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProjectWithDetails } from "../../storage/repos/project-repo.ts";
import { findTermById } from "../../storage/repos/term-repo.ts";
import type { ProjectWithDetails } from "../../storage/schema.ts";
import { type PublicTerm, withProgramAndTimeline } from "./term-timelines.ts";

/**
 * An accepted project with its term, program and the term's timeline; proposed, rejected and
 * withdrawn projects are NOT_FOUND, and so is every project of a draft term but for its admins.
 */
export async function getPublicProject(database: DatabaseHandle, projectSlug: string, actor: Actor): Promise<PublicTerm & { project: ProjectWithDetails }> {
  const project = await findProjectWithDetails(database.db, projectSlug);
  if (project?.state !== "accepted") throw new AppError("NOT_FOUND", `There is no project "${projectSlug}".`);
  const term = await findTermById(database.db, project.termId);
  if (!term) throw new AppError("INTERNAL", `Project ${projectSlug} has no term.`);
  if (!canSeeTerm(actor, term)) throw new AppError("NOT_FOUND", `There is no project "${projectSlug}".`);
  return { ...(await withProgramAndTimeline(database, term)), project };
}
