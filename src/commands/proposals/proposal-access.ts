import { checkActionOpen } from "../../domain/phase-actions.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, canWrite, isSignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import {
  canDecideProposal,
  canEditProposal,
  canProposeChange,
  canSeeProposal,
  canWithdrawProposal,
  type ProposalScope,
  proposalScope,
} from "../../policies/proposal-policy.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { ProposalAbilities } from "../../schemas/proposal.ts";
import type { Db } from "../../storage/repos/db.ts";
import { loadProposal } from "../../storage/repos/proposal-repo.ts";
import type { ProposalRecord } from "../../storage/schema.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";

// What the proposal commands share: reading a proposal as the caller may see it, and what the
// caller may do with it now (the phase windows are checked in terms/phase-window.ts).

/** A proposal the caller may see, with what the rules need of it. */
export interface VisibleProposal {
  record: ProposalRecord;
  scope: ProposalScope;
}

/**
 * The proposal with this slug, when the actor may see it: its maintainers, the mentors it names
 * and the program's admins; a draft term's proposals only its admins. Anyone else is told it
 * does not exist; a visitor is asked to sign in.
 */
export async function requireVisibleProposal(db: Db, actor: Actor, slug: string): Promise<VisibleProposal> {
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in to see proposals.");
  const record = await loadProposal(db, slug);
  const scope = record ? proposalScope(record) : undefined;
  if (!record || !scope || !canSeeProposal(actor, scope) || !canSeeTerm(actor, record.term)) {
    throw new AppError("NOT_FOUND", `There is no proposal "${slug}".`);
  }
  return { record, scope };
}

/** A proposal with what the caller may do with it now, for the presenter. */
export interface ProposalView {
  record: ProposalRecord;
  abilities: ProposalAbilities;
}

/**
 * What the actor may do with a proposal at `now`, so the UI offers only those buttons: the
 * policies, and for its maintainers the proposals window (edit, submit) and the applications
 * window (withdraw); the program's admins act outside them. The server checks again on each write.
 */
export function proposalAbilities(actor: Actor, record: ProposalRecord, timeline: TermTimeline, now: Date): ProposalAbilities {
  const scope = proposalScope(record);
  const admin = isProgramAdmin(actor, scope.programId);
  const proposing = admin || checkActionOpen(timeline, "proposeProject", now).open;
  const applications = checkActionOpen(timeline, "submitApplication", now);
  const beforeApplicationsClose = admin || applications.open || applications.reason !== "closed";
  const editable = canEditProposal(actor, scope);
  const me = isSignedIn(actor) ? record.mentors.find((mentor) => mentor.personId === actor.personId) : undefined;
  return {
    edit: (editable && proposing) || canProposeChange(actor, scope),
    submit: editable && proposing && (scope.state === "draft" || scope.state === "changes_requested"),
    withdraw: canWithdrawProposal(actor, scope) && beforeApplicationsClose,
    decide: canDecideProposal(actor, scope),
    answerAsMentor: canWrite(actor) && me?.confirmation === "pending",
  };
}

/** The proposal as the caller sees it after a change: read again with its abilities. */
export async function viewProposal(db: Db, actor: Actor, slug: string, now: Date): Promise<ProposalView> {
  const record = await loadProposal(db, slug);
  if (!record) throw new AppError("INTERNAL", `The proposal "${slug}" just written could not be read back.`);
  return { record, abilities: proposalAbilities(actor, record, await loadTermTimeline(db, record.term), now) };
}
