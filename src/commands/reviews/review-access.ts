import { AppError } from "../../errors/app-error.ts";
import { type Actor, isSignedIn, type SignedIn } from "../../policies/actor.ts";
import { isConfirmedMentorOf } from "../../policies/application-board-policy.ts";
import { canReadReview, canReview, type ReviewScope } from "../../policies/review-policy.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findReviewTarget, listReviewConflicts } from "../../storage/repos/review-repo.ts";
import type { BoardProjectRow, ReviewTargetRow } from "../../storage/schema.ts";
import { requireBoardProject } from "../applications/board-project-access.ts";
import { checkPhaseWindow, loadTermTimeline, type WindowCheck } from "../terms/phase-window.ts";

// What the review commands share: reading an application's review as the caller may, and the
// review window (WORKFLOW.md, `reviewApplication`: from the opening of applications to the end
// of review), which the program's admins may act outside of, audited.

/** An application in review, with the mentors who declared a conflict of interest with it. */
export interface ReviewTarget {
  row: ReviewTargetRow;
  conflicts: Awaited<ReturnType<typeof listReviewConflicts>>;
  scope: ReviewScope;
}

/**
 * The application when the actor may read its review: the project's mentors (without a conflict
 * of interest) and the program's admins. Anyone else, its applicant too, is told it does not
 * exist; a visitor is asked to sign in.
 */
export async function requireReviewReadable(db: Db, actor: Actor, applicationId: number): Promise<ReviewTarget> {
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in to review applications.");
  const row = await findReviewTarget(db, applicationId);
  const conflicts = row ? await listReviewConflicts(db, { applicationId }) : [];
  const scope: ReviewScope | undefined = row && {
    personId: row.personId,
    projectId: row.projectId,
    programId: row.programId,
    state: row.state,
    conflictedMentors: new Set(conflicts.map((conflict) => conflict.personId)),
  };
  if (!row || !scope || !canReadReview(actor, scope)) throw new AppError("NOT_FOUND", `There is no application ${applicationId} to review.`);
  return { row, conflicts, scope };
}

/**
 * The application when the actor may score, mark or rank it: one of its project's mentors, while
 * it is submitted and the review window is open. Admins read but are refused (403).
 */
export async function requireReviewWritable(db: Db, actor: SignedIn, applicationId: number, now: Date): Promise<ReviewTarget & WindowCheck> {
  const target = await requireReviewReadable(db, actor, applicationId);
  if (!canReview(actor, target.scope)) {
    throw new AppError(
      "FORBIDDEN",
      `Only the mentors of "${target.row.projectTitle}" score, shortlist and rank its applications; you may read them and write notes.`,
    );
  }
  requireInReview(target.row);
  return { ...target, ...(await checkReviewWindow(db, actor, target.row, now)) };
}

/** Refuses a review change to an application that is no longer submitted (withdrawn, or decided by selection). */
export function requireInReview(row: Pick<ReviewTargetRow, "id" | "state">): void {
  if (row.state !== "submitted") throw new AppError("CONFLICT", `Application ${row.id} is ${row.state.replace("_", " ")}: its review is closed.`);
}

/** Checks the term's review window at `now`; the program's admins act outside it, the override kept for the audit. */
export async function checkReviewWindow(
  db: Db,
  actor: SignedIn,
  row: Pick<ReviewTargetRow, "termId" | "termTitle" | "termTimeZone" | "programId">,
  now: Date,
): Promise<WindowCheck> {
  const timeline = await loadTermTimeline(db, { id: row.termId, title: row.termTitle, timeZone: row.termTimeZone });
  return checkPhaseWindow(db, actor, { programId: row.programId, timeline, action: "reviewApplication", now });
}

/**
 * A project whose applications the actor marks or ranks now: one of its confirmed mentors (admins
 * read, 403), while its term's review window is open.
 */
export async function requireReviewingMentor(db: Db, actor: SignedIn, projectSlug: string, now: Date): Promise<BoardProjectRow> {
  const project = await requireBoardProject(db, actor, projectSlug);
  if (!isConfirmedMentorOf(actor, project))
    throw new AppError("FORBIDDEN", `Only the mentors of "${project.title}" mark and rank its applications; you may read them.`);
  await checkReviewWindow(
    db,
    actor,
    { termId: project.termId, termTitle: project.termTitle, termTimeZone: project.termTimeZone, programId: project.programId },
    now,
  );
  return project;
}
