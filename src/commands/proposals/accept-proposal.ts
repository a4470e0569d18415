import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { decideProposalRow, listUnansweredMentorNames, sumAcceptedSlots } from "../../storage/repos/proposal-board-repo.ts";
import { findTermById } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type ProposalView, viewProposal } from "./proposal-access.ts";
import { lockTermForDecision, recordDecision, requireProposalToDecide, STATE_WORDS } from "./proposal-decisions.ts";

/** Options of acceptProposal. */
export interface AcceptProposalOptions {
  database: DatabaseHandle;
  actor: Actor;
  slug: string;
  /** The mentees the project takes, 1 to 10. */
  slots: number;
  /** When given, a proposal of another term is refused as unknown (bulk accept names one term). */
  termId?: number;
  baseUrl: string;
  now: Date;
}

/**
 * Accepts a submitted proposal (or one sent back for changes) with a number of slots: it is in
 * the catalog of its term at once. It needs a mentor who confirmed, and the term's accepted
 * slots must stay within its slot budget; each refusal says what to do. Audited, and its
 * maintainers and confirmed mentors are emailed once each.
 */
export function acceptProposal(options: AcceptProposalOptions): Promise<ProposalView> {
  return inTransaction(options.database, (db) => acceptProposalIn(db, options));
}

/** acceptProposal inside the caller's transaction: bulk accept runs one per proposal. */
export async function acceptProposalIn(db: Db, options: Omit<AcceptProposalOptions, "database">): Promise<ProposalView> {
  const { now, slots } = options;
  if (!Number.isInteger(slots) || slots < 1 || slots > 10) throw new AppError("INVALID_INPUT", "slots: must be a whole number from 1 to 10.");
  const { record, scope, actor } = await requireProposalToDecide(db, options.actor, options.slug);
  if (options.termId !== undefined && record.term.id !== options.termId)
    throw new AppError("NOT_FOUND", `There is no proposal "${options.slug}" in this term.`);
  await lockTermForDecision(db, record.term.id, now);
  if (scope.state !== "submitted" && scope.state !== "changes_requested") {
    throw new AppError(
      "CONFLICT",
      `"${record.title}" is ${STATE_WORDS[scope.state]}; only a submitted proposal, or one sent back for changes, can be accepted.`,
    );
  }
  if (!record.mentors.some((mentor) => mentor.confirmation === "confirmed")) {
    const waiting = await listUnansweredMentorNames(db, record.id);
    const who = waiting.length > 0 ? `: ${joinNames(waiting)} ${waiting.length === 1 ? "has" : "have"} not answered yet` : "; name a mentor who will confirm";
    throw new AppError("CONFLICT", `"${record.title}" has no confirmed mentor yet${who}.`);
  }
  const term = await findTermById(db, record.term.id);
  if (term?.slotBudget !== null && term?.slotBudget !== undefined) {
    const accepted = await sumAcceptedSlots(db, term.id);
    if (accepted + slots > term.slotBudget) {
      throw new AppError(
        "LIMIT_REACHED",
        `${term.title} has a budget of ${term.slotBudget} slots and ${accepted} are accepted already; accepting "${record.title}" with ${slots} would make ${accepted + slots}. Accept it with fewer slots, or raise the term's slot budget.`,
      );
    }
  }
  const decided = await decideProposalRow(
    db,
    record.id,
    { states: ["proposed"], stages: ["submitted", "changes_requested"] },
    { state: "accepted", slots, decidedAt: now.toISOString(), rejectionReason: null },
    now,
  );
  if (!decided) throw new AppError("CONFLICT", `"${record.title}" changed while it was being accepted; reload it and decide again.`);
  await recordDecision(db, {
    actor,
    record,
    action: "proposal.accepted",
    changes: { state: { from: scope.state, to: "accepted" }, slots, slotsRequested: record.slotsRequested },
    decision: { kind: "accepted", slots },
    baseUrl: options.baseUrl,
    now,
  });
  return viewProposal(db, actor, record.slug, now);
}

/** "Ada", "Ada and Bob", "Ada, Bob and Cy". */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
