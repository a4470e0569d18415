import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { decideProposalRow } from "../../storage/repos/proposal-board-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type ProposalView, viewProposal } from "./proposal-access.ts";
import { lockTermForDecision, recordDecision, requireProposalToDecide, STATE_WORDS } from "./proposal-decisions.ts";

/** Options of requestChanges. */
export interface RequestChangesOptions {
  database: DatabaseHandle;
  actor: Actor;
  slug: string;
  /** What the maintainer should change, in words they read on the proposal and in the email. */
  comment: string;
  baseUrl: string;
  now: Date;
}

/**
 * Sends a submitted proposal back to its maintainers with a comment: they edit it and submit it
 * again. Asking again while it is sent back replaces the comment. Audited, and its maintainers
 * and confirmed mentors are emailed once each.
 */
export async function requestChanges(options: RequestChangesOptions): Promise<ProposalView> {
  const { now } = options;
  const comment = options.comment.trim();
  if (comment === "") {
    throw new AppError("INVALID_INPUT", "comment: must say what to change.", undefined, {
      errors: [{ field: "comment", code: "required", detail: "must say what to change" }],
    });
  }
  return inTransaction(options.database, async (db) => {
    const { record, scope, actor } = await requireProposalToDecide(db, options.actor, options.slug);
    await lockTermForDecision(db, record.term.id, now);
    if (scope.state !== "submitted" && scope.state !== "changes_requested") {
      throw new AppError("CONFLICT", `"${record.title}" is ${STATE_WORDS[scope.state]}; only a submitted proposal can be sent back for changes.`);
    }
    const decided = await decideProposalRow(
      db,
      record.id,
      { states: ["proposed"], stages: ["submitted", "changes_requested"] },
      { proposalStage: "changes_requested", reviewComment: comment },
      now,
    );
    if (!decided) throw new AppError("CONFLICT", `"${record.title}" changed while changes were being asked for; reload it and try again.`);
    await recordDecision(db, {
      actor,
      record,
      action: "proposal.changes_requested",
      changes: { state: { from: scope.state, to: "changes_requested" }, comment },
      decision: { kind: "changes_requested", comment },
      baseUrl: options.baseUrl,
      now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
