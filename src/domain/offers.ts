/**
 * Offers and the waitlist (WORKFLOW.md, "Review and selection"): on the notifications instant
 * each application the published selection proposes is offered, with a response deadline of the
 * program's `offerResponseHours`; the applicant accepts (a mentorship begins) or declines, or the
 * deadline passes and it lapses. A slot freed so is offered at once to the project's next ranked
 * shortlisted applicant who holds no mentorship, until the start phase.
 */

/** The states of a mentorship (WORKFLOW.md, "Mentorships, evaluations and stipends"). */
export const MENTORSHIP_STATES = ["active", "completed", "ended"] as const;

/** One state of a mentorship. */
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];

/** How an offer came: from the published selection, or from the waitlist when a slot was freed. */
export const OFFER_SOURCES = ["selection", "waitlist"] as const;

/** One source of an offer. */
export type OfferSource = (typeof OFFER_SOURCES)[number];

/** When an offer made at `at` must be answered by. */
export function offerRespondBy(at: Date, responseHours: number): Date {
  return new Date(at.getTime() + responseHours * 60 * 60_000);
}

/** One shortlisted application of a project, as the waitlist weighs it. */
export interface WaitlistCandidate {
  applicationId: number;
  personId: number;
  /** Its place in the project's ranked shortlist, from 1. */
  shortlistRank: number;
  /** Whether its applicant already holds a mentorship in the term (they get no second offer). */
  holdsMentorship: boolean;
  /** Whether an admin excluded the pair from the selection. */
  excluded: boolean;
  /** Whether the application can still be offered: submitted or not selected (not withdrawn, declined, lapsed or offered). */
  open: boolean;
  /**
   * Whether the applicant holds a pending offer of a project they ranked above this one: they
   * would not take this one, so it goes to the next.
   */
  holdsPreferredOffer: boolean;
}

/**
 * The application a freed slot of a project is offered to: the best ranked of its shortlist
 * that is still open, not excluded, and whose applicant holds neither a mentorship nor an offer
 * they prefer. Null when nobody is left.
 */
export function nextOnWaitlist(candidates: readonly WaitlistCandidate[]): WaitlistCandidate | null {
  let best: WaitlistCandidate | null = null;
  for (const candidate of candidates) {
    if (!candidate.open || candidate.excluded || candidate.holdsMentorship || candidate.holdsPreferredOffer) continue;
    if (
      !best ||
      candidate.shortlistRank < best.shortlistRank ||
      (candidate.shortlistRank === best.shortlistRank && candidate.applicationId < best.applicationId)
    ) {
      best = candidate;
    }
  }
  return best;
}
