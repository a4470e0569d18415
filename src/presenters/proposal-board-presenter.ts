import type { BulkAcceptResponse, ProposalBoardResponse } from "../schemas/proposal.ts";
import type { TermHealth } from "../schemas/term-health.ts";
import type { BulkAcceptOutcome, ProposalBoardData, TermHealthData } from "../storage/schema.ts";
import { presentProposalSummary } from "./proposal-presenter.ts";
import { presentNextDeadline } from "./term-presenter.ts";

/** The admin's board of a term's proposals: the listed proposals, the organizations against their quotas, the slots and the states. */
export function presentProposalBoard(board: ProposalBoardData): ProposalBoardResponse {
  return {
    term: { slug: board.term.slug, title: board.term.title, timeZone: board.term.timeZone, published: board.term.publishedAt !== null },
    items: board.items.map(presentProposalSummary),
    organizations: board.organizations.map((organization) => ({ ...organization })),
    slots: { ...board.slots },
    states: { ...board.states },
  };
}

/** A term's health for the admin's home, with its next deadline at `now`. */
export function presentTermHealth(health: TermHealthData, now: Date): TermHealth {
  return {
    term: { slug: health.term.slug, title: health.term.title, timeZone: health.term.timeZone, published: health.term.publishedAt !== null },
    waiting: { submitted: health.submitted, changesRequested: health.changesRequested },
    unconfirmedMentors: health.unconfirmedMentors,
    pendingChanges: health.pendingChanges,
    slots: { accepted: health.acceptedSlots, budget: health.term.slotBudget },
    nextDeadline: presentNextDeadline(health.timeline, now),
  };
}

/** A bulk accept's answer: each proposal's result in the order asked. */
export function presentBulkAccept(results: readonly BulkAcceptOutcome[]): BulkAcceptResponse {
  return { results: results.map((result) => ({ slug: result.slug, ok: result.ok, code: result.code, message: result.message })) };
}
