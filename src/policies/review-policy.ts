import { CAPPED_APPLICATION_STATES } from "../domain/application-states.ts";
import { type Actor, canWrite, isSignedIn } from "./actor.ts";
import { type ApplicationScope, mentorsProjectOf } from "./application-policy.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** What the review rules need of an application: its scope and the mentors who declared a conflict of interest with it. */
export interface ReviewScope extends ApplicationScope {
  conflictedMentors: ReadonlySet<number>;
}

/** True when the actor is a mentor of the application's project who declared a conflict of interest with it: it is hidden from them. */
export function hasReviewConflict(actor: Actor, scope: ReviewScope): boolean {
  return isSignedIn(actor) && scope.conflictedMentors.has(actor.personId);
}

/**
 * Who reads what mentors decided about an application (scores, notes, mark, ranking; WORKFLOW.md,
 * "Who sees what"): the confirmed mentors of its project without a conflict of interest, and the
 * program's admins, once it is submitted. Never its applicant, nor anyone else.
 */
export function canReadReview(actor: Actor, scope: ReviewScope): boolean {
  if (!(CAPPED_APPLICATION_STATES as readonly string[]).includes(scope.state)) return false;
  if (isProgramAdmin(actor, scope.programId)) return true;
  return mentorsProjectOf(actor, scope) && !hasReviewConflict(actor, scope);
}

/** Who scores, marks and ranks an application: the confirmed mentors of its project without a conflict of interest; admins read. */
export function canReview(actor: Actor, scope: ReviewScope): boolean {
  return canWrite(actor) && mentorsProjectOf(actor, scope) && !hasReviewConflict(actor, scope);
}

/** Who writes a note on an application: whoever reads its review, mentors and admins alike. */
export function canWriteReviewNote(actor: Actor, scope: ReviewScope): boolean {
  return canWrite(actor) && canReadReview(actor, scope);
}
