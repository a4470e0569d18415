import { parsePendingChange } from "../../domain/pending-change.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { updateProject } from "../../storage/repos/project-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { askNamedMentors } from "./mentor-asks.ts";
import { type ProposalView, viewProposal } from "./proposal-access.ts";
import { writeProposalContent } from "./proposal-content.ts";
import { lockTermForDecision, recordDecision, requireProposalToDecide } from "./proposal-decisions.ts";

/** Options of approveChange. */
export interface ApproveChangeOptions {
  database: DatabaseHandle;
  actor: Actor;
  slug: string;
  baseUrl: string;
  now: Date;
}

/**
 * Applies an accepted project's pending change: its description and outcome (rendered again),
 * skills and mentors become public at once, and the change is cleared. A mentor the change names
 * for the first time starts unconfirmed, hidden from the public, and is asked by email like at
 * submission. Audited, and the maintainers and confirmed mentors are emailed once each.
 */
export async function approveChange(options: ApproveChangeOptions): Promise<ProposalView> {
  const { now } = options;
  return inTransaction(options.database, async (db) => {
    const { record, scope, actor } = await requireProposalToDecide(db, options.actor, options.slug);
    await lockTermForDecision(db, record.term.id, now);
    const change = scope.state === "accepted" ? parsePendingChange(record.pendingChange) : null;
    if (!change) throw new AppError("CONFLICT", `"${record.title}" has no change waiting for approval.`);
    const { addedMentors } = await writeProposalContent(db, record, change, now);
    await updateProject(db, record.id, { pendingChange: null, pendingChangeAt: null }, now);
    const asked =
      addedMentors.length > 0
        ? await askNamedMentors(db, { projectId: record.id, slug: record.slug, actor, baseUrl: options.baseUrl, now, only: addedMentors })
        : 0;
    await recordDecision(db, {
      actor,
      record,
      action: "proposal.change_approved",
      changes: { fields: Object.keys(change), proposedAt: record.pendingChangeAt, mentorsAsked: asked },
      decision: { kind: "change_approved" },
      baseUrl: options.baseUrl,
      now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
