import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type ApplicantStanding, listApplicantStandings } from "../../storage/repos/application-board-repo.ts";
import { findProjectWithDetails } from "../../storage/repos/project-repo.ts";
import { findTermById } from "../../storage/repos/term-repo.ts";
import type { ProjectWithDetails, SimilarProjectRow } from "../../storage/schema.ts";
import { findSimilarProjects } from "./similar-projects.ts";
import { type PublicTerm, withProgramAndTimeline } from "./term-timelines.ts";

/** A project page's data: the project, its term, program and timeline, how many applied, and similar projects with fewer applicants. */
export interface PublicProject extends PublicTerm {
  project: ProjectWithDetails;
  standing: ApplicantStanding;
  similar: SimilarProjectRow[];
}

/** The applicant standings of a term's accepted projects, by project id. */
export type ApplicantStandings = ReadonlyMap<number, ApplicantStanding>;

/** Reads the applicant standings of a term's accepted projects; the caller may remember them for a moment. */
export type StandingsReader = (termId: number) => Promise<ApplicantStandings>;

/**
 * The standings straight from the database: one query that counts the whole term's
 * applications, which grows with the term. Busy callers remember its answer briefly.
 */
export function readApplicantStandings(database: DatabaseHandle): StandingsReader {
  return (termId) => listApplicantStandings(database.db, termId);
}

/**
 * An accepted project with its term, program and the term's timeline, its submitted
 * applications and soft cap, and up to three similar projects with fewer applicants; proposed,
 * rejected and withdrawn projects are NOT_FOUND, and so is every project of a draft term but for its admins.
 */
export async function getPublicProject(
  database: DatabaseHandle,
  projectSlug: string,
  actor: Actor,
  readStandings: StandingsReader = readApplicantStandings(database),
): Promise<PublicProject> {
  const project = await findProjectWithDetails(database.db, projectSlug);
  if (project?.state !== "accepted") throw new AppError("NOT_FOUND", `There is no project "${projectSlug}".`);
  const term = await findTermById(database.db, project.termId);
  if (!term) throw new AppError("INTERNAL", `Project ${projectSlug} has no term.`);
  if (!canSeeTerm(actor, term)) throw new AppError("NOT_FOUND", `There is no project "${projectSlug}".`);
  const [publicTerm, standings] = await Promise.all([withProgramAndTimeline(database, term), readStandings(term.id)]);
  const similar = await findSimilarProjects(database.db, project, standings);
  return { ...publicTerm, project, standing: standings.get(project.id) ?? { submitted: 0, applicationCap: project.applicationCap }, similar };
}
