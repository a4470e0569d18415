import { applicantBand, softCapReached } from "../../domain/applicant-bands.ts";
import { APPLICATION_STATE_LABELS, type ApplicationState } from "../../domain/application-states.ts";
import { checkActionOpen } from "../../domain/phase-actions.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, isSignedIn, type SignedIn } from "../../policies/actor.ts";
import { type ApplicationScope, canChangeApplication, canSeeApplication, isApplicant } from "../../policies/application-policy.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import { hasReviewConflict } from "../../policies/review-policy.ts";
import { findApplicationById, listApplicationQuestions, loadApplicationTarget } from "../../storage/repos/application-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listReviewConflicts } from "../../storage/repos/review-repo.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { ApplicationQuestionRow, ApplicationRecord, ApplicationTargetRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

// What the application commands share: the project applied to as the caller may see it, the
// window and the project's own refusals, and an application read as its caller may see it.

/** A project applications go to, with its form's questions and its term's timeline. */
export interface ApplicationTarget extends ApplicationTargetRow {
  questions: ApplicationQuestionRow[];
  timeline: TermTimeline;
}

/**
 * The project with this slug as a signed-in caller applies to it: an accepted project of a
 * published term (or one withdrawn since, so its applicants still see why it takes none). Any
 * other project does not exist for applications; a visitor is asked to sign in.
 */
export async function requireApplicationTarget(db: Db, actor: Actor, projectSlug: string): Promise<ApplicationTarget> {
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in to apply to a project.");
  const target = await loadApplicationTarget(db, projectSlug);
  if (!target || target.term.publishedAt === null || (target.project.state !== "accepted" && target.project.state !== "withdrawn")) {
    throw new AppError("NOT_FOUND", `There is no project "${projectSlug}" taking applications.`);
  }
  const [questions, phases] = await Promise.all([listApplicationQuestions(db, target.project.id), listTimeline(db, target.term.id)]);
  return { ...target, questions, timeline: toTermTimeline(target.term, phases) };
}

/**
 * Refuses a change made outside the applications window, judged at the instant the request was
 * received (start ≤ receivedAt < end, to the millisecond): "Applications for <term> closed on
 * <instant in the term's zone> (<UTC>)." Nobody acts past it, the program's admins included.
 */
export function checkApplicationWindow(target: ApplicationTarget, receivedAt: Date): void {
  const availability = checkActionOpen(target.timeline, "submitApplication", receivedAt);
  if (!availability.open) throw new AppError("PHASE_CLOSED", availability.message);
}

/** Why a project takes no new application now, or null when it takes them: withdrawn, or its mentors' soft cap reached. */
export function notAcceptingReason(target: Pick<ApplicationTargetRow, "project" | "organization">, applicants: number): string | null {
  const { project } = target;
  if (project.state !== "accepted") return `"${project.title}" was withdrawn by ${target.organization.name} and takes no applications.`;
  if (softCapReached(applicants, project.applicationCap)) {
    return `"${project.title}" has reached the ${project.applicationCap} applications its mentors can read and takes no new ones; similar projects with fewer applicants are listed on its page.`;
  }
  return null;
}

/** True when one more or one fewer applicant changes what the public sees of a project: its band, or whether it takes applications. */
export function publicCountChanges(before: number, after: number, applicationCap: number | null): boolean {
  return applicantBand(before) !== applicantBand(after) || softCapReached(before, applicationCap) !== softCapReached(after, applicationCap);
}

/** Refuses a change to an application in a state its applicant can no longer change (offered, accepted and after). */
export function requireEditable(state: ApplicationState, projectTitle: string): void {
  if (state === "draft" || state === "submitted" || state === "withdrawn") return;
  throw new AppError("CONFLICT", `Your application to "${projectTitle}" is ${APPLICATION_STATE_LABELS[state].toLowerCase()}: it can no longer be changed.`);
}

/** What the policies need of a loaded application. */
export function applicationScope(record: ApplicationRecord): ApplicationScope {
  return { personId: record.personId, projectId: record.projectId, programId: record.term.programId, state: record.state };
}

/**
 * The application with this id when the actor may see it: its applicant, and once submitted the
 * confirmed mentors of its project and the program's admins. Anyone else is told it does not
 * exist; a visitor is asked to sign in.
 */
export async function requireVisibleApplication(db: Db, actor: Actor, id: number): Promise<ApplicationRecord> {
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in to see applications.");
  const record = await findApplicationById(db, id);
  if (!record || !canSeeApplication(actor, applicationScope(record)) || (await hiddenByConflict(db, actor, record))) {
    throw new AppError("NOT_FOUND", `There is no application ${id}.`);
  }
  return record;
}

/** The application when the actor may change it: its applicant alone; one who may only read it is refused (403). */
export async function requireOwnApplication(db: Db, actor: SignedIn, id: number): Promise<ApplicationRecord> {
  const record = await requireVisibleApplication(db, actor, id);
  if (!canChangeApplication(actor, applicationScope(record))) {
    throw new AppError("FORBIDDEN", `Only the applicant changes an application; you may read application ${id} but not change it.`);
  }
  return record;
}

/** True when the actor reads the application only as a mentor of its project and declared a conflict of interest with it. */
async function hiddenByConflict(db: Db, actor: SignedIn, record: ApplicationRecord): Promise<boolean> {
  const scope = applicationScope(record);
  if (isApplicant(actor, scope) || isProgramAdmin(actor, scope.programId)) return false;
  const conflicts = await listReviewConflicts(db, { applicationId: record.id });
  return hasReviewConflict(actor, { ...scope, conflictedMentors: new Set(conflicts.map((conflict) => conflict.personId)) });
}
