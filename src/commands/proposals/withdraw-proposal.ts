import { checkActionOpen } from "../../domain/phase-actions.ts";
import { storedProposalState } from "../../domain/proposal-states.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import { canWithdrawProposal, isMaintainerOf } from "../../policies/proposal-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { updateProject } from "../../storage/repos/project-repo.ts";
import { updateTerm } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";
import { type ProposalView, requireVisibleProposal, viewProposal } from "./proposal-access.ts";

/** Options of withdrawProposal. */
export interface WithdrawProposalOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  slug: string;
  now: Date;
}

/**
 * Withdraws a proposal, whatever its state before a decision or once accepted, until applications
 * close (the program's admins at any time, audited as an override). A withdrawn accepted project
 * leaves the public catalog at once. Withdrawing again changes nothing.
 */
export async function withdrawProposal(options: WithdrawProposalOptions): Promise<ProposalView> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { record, scope } = await requireVisibleProposal(db, actor, options.slug);
    if (!isProgramAdmin(actor, scope.programId) && !isMaintainerOf(actor, scope)) {
      throw new AppError("FORBIDDEN", `Only the maintainers of ${record.organization.name} and the program's admins may withdraw "${record.title}".`);
    }
    if (scope.state === "withdrawn") return viewProposal(db, actor, record.slug, now);
    if (!canWithdrawProposal(actor, scope)) throw new AppError("CONFLICT", `"${record.title}" was rejected: there is nothing to withdraw.`);
    const applications = checkActionOpen(await loadTermTimeline(db, record.term), "submitApplication", now);
    let override: string | null = null;
    if (!applications.open && applications.reason === "closed") {
      const message = `${applications.message} A project can be withdrawn only before applications close; ask the program's admins.`;
      if (!isProgramAdmin(actor, scope.programId)) throw new AppError("PHASE_CLOSED", message);
      override = message;
    }
    await updateProject(db, record.id, storedProposalState("withdrawn"), now);
    // An accepted project was public: the term's cached pages must show it gone.
    if (scope.state === "accepted") await updateTerm(db, record.term.id, {}, now);
    await recordAuditEvent(db, {
      programId: scope.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "proposal.withdrawn",
      objectType: "project",
      objectId: record.id,
      changes: { from: scope.state, ...(override ? { override } : {}) },
      at: now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
