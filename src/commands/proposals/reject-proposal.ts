import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { decideProposalRow } from "../../storage/repos/proposal-board-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type ProposalView, viewProposal } from "./proposal-access.ts";
import { lockTermForDecision, recordDecision, requireProposalToDecide, STATE_WORDS } from "./proposal-decisions.ts";

/** Options of rejectProposal. */
export interface RejectProposalOptions {
  database: DatabaseHandle;
  actor: Actor;
  slug: string;
  /** Why, in words the maintainer reads on the proposal and in the email. */
  reason: string;
  baseUrl: string;
  now: Date;
}

/**
 * Rejects a submitted proposal (or one sent back for changes) with a reason its maintainers
 * read on the proposal. Audited, and its maintainers and confirmed mentors are emailed once each.
 */
export async function rejectProposal(options: RejectProposalOptions): Promise<ProposalView> {
  const { now } = options;
  const reason = options.reason.trim();
  if (reason === "")
    throw new AppError("INVALID_INPUT", "reason: must give the reason.", undefined, {
      errors: [{ field: "reason", code: "required", detail: "must give the reason" }],
    });
  return inTransaction(options.database, async (db) => {
    const { record, scope, actor } = await requireProposalToDecide(db, options.actor, options.slug);
    await lockTermForDecision(db, record.term.id, now);
    if (scope.state !== "submitted" && scope.state !== "changes_requested") {
      throw new AppError(
        "CONFLICT",
        `"${record.title}" is ${STATE_WORDS[scope.state]}; only a submitted proposal, or one sent back for changes, can be rejected.`,
      );
    }
    const decided = await decideProposalRow(
      db,
      record.id,
      { states: ["proposed"], stages: ["submitted", "changes_requested"] },
      { state: "rejected", rejectionReason: reason, decidedAt: now.toISOString() },
      now,
    );
    if (!decided) throw new AppError("CONFLICT", `"${record.title}" changed while it was being rejected; reload it and decide again.`);
    await recordDecision(db, {
      actor,
      record,
      action: "proposal.rejected",
      changes: { state: { from: scope.state, to: "rejected" }, reason },
      decision: { kind: "rejected", reason },
      baseUrl: options.baseUrl,
      now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
