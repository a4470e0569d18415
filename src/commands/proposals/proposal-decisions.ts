import type { AuditAction } from "../../domain/audit-actions.ts";
import type { ProposalState } from "../../domain/proposal-states.ts";
import { AppError } from "../../errors/app-error.ts";
import { type ProposalDecision, proposalDecisionMessage } from "../../notifications/proposal-decision.ts";
import type { Actor, SignedIn } from "../../policies/actor.ts";
import { canDecideProposal } from "../../policies/proposal-policy.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { listDecisionRecipients } from "../../storage/repos/proposal-board-repo.ts";
import { updateTerm } from "../../storage/repos/term-repo.ts";
import type { ProposalRecord } from "../../storage/schema.ts";
import { requireVisibleProposal, type VisibleProposal } from "./proposal-access.ts";

// What the admin's decisions share: who may decide, and what every decision does besides its
// own change: the term's revision moves on (the catalog shows it at once), the audit event,
// and one email to each maintainer and confirmed mentor of the proposal.

/**
 * The proposal, once the actor is known to decide on it: the admins of its program. Someone who
 * may not see it is told it does not exist (404); one who may see it (its maintainers, its
 * mentors) is refused (403). Admins decide at any time: no phase gates a decision.
 */
export async function requireProposalToDecide(db: Db, actor: Actor, slug: string): Promise<VisibleProposal & { actor: SignedIn }> {
  const visible = await requireVisibleProposal(db, actor, slug);
  if (actor.kind !== "person" || !canDecideProposal(actor, visible.scope)) {
    throw new AppError("FORBIDDEN", `Only the admins of the program decide on proposals; "${visible.record.title}" waits for them.`);
  }
  return { ...visible, actor };
}

/**
 * Moves the term's revision on before a decision reads anything it counts, so cached catalog
 * answers are not served again and, on PostgreSQL, the term's row stays locked until the
 * transaction ends: two decisions in one term take turns, and the second counts what the first
 * wrote (SQLite transactions hold the write lock from their start already).
 */
export async function lockTermForDecision(db: Db, termId: number, now: Date): Promise<void> {
  await updateTerm(db, termId, {}, now);
}

/** What a decision records and tells. */
export interface DecisionRecord {
  actor: SignedIn;
  record: ProposalRecord;
  action: AuditAction;
  changes: Record<string, unknown>;
  decision: ProposalDecision;
  baseUrl: string;
  now: Date;
}

/**
 * Records the decision's audit event and emails the proposal's maintainers and confirmed mentors,
 * each person once (one who is both gets one email), keyed by this decision and the person, so
 * a retried request sends nothing twice while a later decision on the same proposal is sent.
 * Returns how many emails were written.
 */
export async function recordDecision(db: Db, input: DecisionRecord): Promise<number> {
  const { record, now } = input;
  const event = await recordAuditEvent(db, {
    programId: record.term.programId,
    actor: { personId: input.actor.personId, label: input.actor.name },
    action: input.action,
    objectType: "project",
    objectId: record.id,
    changes: input.changes,
    at: now,
  });
  const recipients = await listDecisionRecipients(db, { projectId: record.id, organizationId: record.organizationId });
  for (const recipient of recipients) {
    const message = proposalDecisionMessage({
      baseUrl: input.baseUrl,
      name: recipient.name,
      proposalTitle: record.title,
      proposalSlug: record.slug,
      termTitle: record.term.title,
      decision: input.decision,
      roles: { maintainer: recipient.maintainer, mentor: recipient.mentor },
    });
    await enqueueNotification(db, {
      dedupeKey: `proposal-decision:${event.id}:${recipient.personId}`,
      recipientEmail: recipient.email,
      recipientPersonId: recipient.personId,
      programId: record.term.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: now,
    });
  }
  return recipients.length;
}

/** How a refusal names the state a proposal is in. */
export const STATE_WORDS = {
  draft: "a draft its maintainers have not submitted",
  submitted: "submitted",
  changes_requested: "sent back for changes",
  accepted: "accepted already",
  rejected: "rejected",
  withdrawn: "withdrawn",
} as const satisfies Record<ProposalState, string>;
