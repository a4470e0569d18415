import { EDITABLE_PROPOSAL_STATES, type ProposalState, proposalState } from "../domain/proposal-states.ts";
import type { ProposalRecord } from "../storage/schema.ts";
import { type Actor, canWrite, isSignedIn } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** What the proposal rules need to know of a proposal, already loaded. */
export interface ProposalScope {
  projectId: number;
  programId: number;
  organizationId: number;
  state: ProposalState;
}

/** True when the actor maintains the proposal's organization. */
export function isMaintainerOf(actor: Actor, proposal: ProposalScope): boolean {
  return isSignedIn(actor) && actor.maintainerOf.has(proposal.organizationId);
}

/**
 * Who may read a proposal (WORKFLOW.md, "Who sees what"): its organization's maintainers, the
 * mentors it names (answered or not) and the program's admins. Anyone else is told it does not
 * exist (404), as they may not know of it.
 */
export function canSeeProposal(actor: Actor, proposal: ProposalScope): boolean {
  if (!isSignedIn(actor)) return false;
  return isProgramAdmin(actor, proposal.programId) || isMaintainerOf(actor, proposal) || actor.namedMentorOf.has(proposal.projectId);
}

/**
 * Who may change a proposal's text: its maintainers and the program's admins, while it is a
 * draft, submitted or sent back; an accepted project takes a pending change instead
 * (`canProposeChange`). A named mentor reads but does not edit.
 */
export function canEditProposal(actor: Actor, proposal: ProposalScope): boolean {
  return (
    canWrite(actor) &&
    (isProgramAdmin(actor, proposal.programId) || isMaintainerOf(actor, proposal)) &&
    (EDITABLE_PROPOSAL_STATES as readonly ProposalState[]).includes(proposal.state)
  );
}

/** Who may propose a change to an accepted project: its maintainers and the program's admins. */
export function canProposeChange(actor: Actor, proposal: ProposalScope): boolean {
  return canWrite(actor) && (isProgramAdmin(actor, proposal.programId) || isMaintainerOf(actor, proposal)) && proposal.state === "accepted";
}

/** Who may withdraw a proposal: its maintainers and the program's admins, before it is rejected or withdrawn. */
export function canWithdrawProposal(actor: Actor, proposal: ProposalScope): boolean {
  return (
    canWrite(actor) &&
    (isProgramAdmin(actor, proposal.programId) || isMaintainerOf(actor, proposal)) &&
    proposal.state !== "rejected" &&
    proposal.state !== "withdrawn"
  );
}

/** Who may accept, reject, request changes and approve pending changes: the program's admins. */
export function canDecideProposal(actor: Actor, proposal: ProposalScope): boolean {
  return canWrite(actor) && isProgramAdmin(actor, proposal.programId);
}

/** Who may propose in an organization of a program: its maintainers and the program's admins. */
export function canProposeFor(actor: Actor, scope: { programId: number; organizationId: number }): boolean {
  return canWrite(actor) && (isProgramAdmin(actor, scope.programId) || actor.maintainerOf.has(scope.organizationId));
}

/** What the proposal rules need of a loaded proposal. */
export function proposalScope(
  record: Pick<ProposalRecord, "id" | "organizationId" | "state" | "proposalStage"> & { term: Pick<ProposalRecord["term"], "programId"> },
): ProposalScope {
  return { projectId: record.id, programId: record.term.programId, organizationId: record.organizationId, state: proposalState(record) };
}
