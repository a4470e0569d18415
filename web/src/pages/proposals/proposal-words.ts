import type { MentorConfirmation, ProposalState } from "../../../../src/domain/proposal-states.ts";
import type { ProposalMentor, ProposalSummary } from "../../../../src/schemas/proposal.ts";
import type { Tone } from "../../components/chip.tsx";
import { countOf } from "../../text.ts";

/** A proposal state as a chip says it. */
export const PROPOSAL_STATE_LABEL: Record<ProposalState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  changes_requested: "Changes requested",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

/** The colour that goes with a state's words (never alone). */
export const PROPOSAL_STATE_TONE: Record<ProposalState, Tone> = {
  draft: "neutral",
  submitted: "info",
  changes_requested: "closing",
  accepted: "open",
  rejected: "error",
  withdrawn: "closed",
};

/** A mentor's answer as a chip says it. */
export const MENTOR_ANSWER_LABEL: Record<MentorConfirmation, string> = { pending: "Not answered yet", confirmed: "Confirmed", declined: "Declined" };

/** The colour of a mentor's answer. */
export const MENTOR_ANSWER_TONE: Record<MentorConfirmation, Tone> = { pending: "closing", confirmed: "open", declined: "closed" };

/** A named mentor as the maintainer and admins know them: their name, or the address or handle they were named by until they give one. */
export function mentorLabel(mentor: Pick<ProposalMentor, "name" | "namedAs" | "githubHandle">): string {
  return mentor.name || mentor.namedAs || (mentor.githubHandle ? `@${mentor.githubHandle}` : "A mentor not named yet");
}

/** The mentors of a proposal in a list, in words: "1 confirmed · 1 not answered". */
export function mentorCounts(mentors: ProposalSummary["mentors"]): string {
  const parts = [
    mentors.confirmed > 0 ? `${mentors.confirmed} confirmed` : null,
    mentors.pending > 0 ? `${mentors.pending} not answered` : null,
    mentors.declined > 0 ? `${mentors.declined} declined` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(" · ") : "No mentor named";
}

/** The end of the proposals phase: its words (viewer's zone first), and whether it has passed. */
export interface ProposalsClose {
  words: string;
  past: boolean;
}

/**
 * What a state means for the maintainer and what comes next, in one sentence; `closes` is the
 * end of the proposals phase, when the term has one.
 */
export function proposalStateSentence(state: ProposalState, closes: ProposalsClose | null, slots: number, overriding = false): string {
  const until = closes && !closes.past ? ` until ${closes.words}` : "";
  const closed = closes?.past ? `Proposals closed on ${closes.words}` : null;
  if (closed && overriding && (state === "draft" || state === "submitted" || state === "changes_requested")) {
    return `${closed}. As an admin of the program you can still edit${state === "submitted" ? "" : " and submit"} it; the audit log records that it happened after the deadline.`;
  }
  switch (state) {
    case "draft":
      return closed
        ? `${closed}: this draft can no longer be submitted. Only your organization's maintainers and the program's admins see it.`
        : `Only your organization's maintainers see this draft. Submit it${until}; each mentor you named then gets an email to confirm, and the program's admins review it.`;
    case "submitted":
      return closed
        ? `Submitted: the program's admins review it and accept it, reject it or ask for changes; you get an email when they decide. ${closed}, so it can no longer be edited.`
        : `Submitted: the program's admins review it and accept it, reject it or ask for changes. You can still edit it${until}; you get an email when they decide.`;
    case "changes_requested":
      return closed
        ? `The admins asked for changes (below), but ${closed.charAt(0).toLowerCase()}${closed.slice(1)}: ask the program's admins how to go on.`
        : `The admins asked for changes (below). Edit the proposal and submit it again${until}.`;
    case "accepted":
      return `Accepted with ${countOf(slots, "slot", "slots")}: the project is in the term's public catalog. An edit of its description, outcome, skills or mentors becomes a pending change that waits for an admin's approval; the catalog keeps the accepted text until then.`;
    case "rejected":
      return "Rejected: the project will not be in this term. The admins' reason is below.";
    case "withdrawn":
      return "Withdrawn: the project will not be in this term, and its mentors were not asked further.";
  }
}
