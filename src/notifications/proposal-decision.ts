import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What an admin decided about a proposal, with what the people concerned need to read about it. */
export type ProposalDecision =
  | { kind: "accepted"; slots: number }
  | { kind: "rejected"; reason: string }
  | { kind: "changes_requested"; comment: string }
  | { kind: "change_approved" };

/** What a decision email needs: who reads it, why, and the proposal it is about. */
export interface ProposalDecisionInput {
  baseUrl: string;
  name: string;
  proposalTitle: string;
  proposalSlug: string;
  termTitle: string;
  decision: ProposalDecision;
  /** Why this person receives it: they maintain the organization, mentor the project, or both. */
  roles: { maintainer: boolean; mentor: boolean };
}

/**
 * The email telling a proposal's maintainers and confirmed mentors what an admin decided: the
 * slots of an acceptance, the reason of a rejection, the comment of a request for changes, or
 * that a change to an accepted project is now public.
 */
export function proposalDecisionMessage(input: ProposalDecisionInput): EmailContent {
  const project = `"${input.proposalTitle}" (${input.termTitle})`;
  const { subject, paragraphs, label } = wordsOf(input.decision, project);
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject,
    greeting: `Hello ${input.name},`,
    paragraphs,
    action: { label, path: `/proposals/${encodeURIComponent(input.proposalSlug)}` },
    reason: `You receive this email because you ${reasonOf(input.roles)} this project.`,
  });
}

function wordsOf(decision: ProposalDecision, project: string): { subject: string; paragraphs: string[]; label: string } {
  switch (decision.kind) {
    case "accepted": {
      const slots = `${decision.slots} ${decision.slots === 1 ? "slot" : "slots"}`;
      return {
        subject: `Accepted with ${slots}: ${project}`,
        paragraphs: [`The program's admins accepted ${project} with ${slots}: it takes ${decision.slots === 1 ? "one mentee" : `${decision.slots} mentees`}.`],
        label: "See the project",
      };
    }
    case "rejected":
      return {
        subject: `Not accepted: ${project}`,
        paragraphs: [`The program's admins did not accept ${project}. Their reason:`, decision.reason],
        label: "See the proposal",
      };
    case "changes_requested":
      return {
        subject: `Changes requested: ${project}`,
        paragraphs: [`The program's admins ask for changes to ${project} before they decide:`, decision.comment, "Edit the proposal and submit it again."],
        label: "Edit the proposal",
      };
    case "change_approved":
      return {
        subject: `Change approved: ${project}`,
        paragraphs: [`The program's admins approved the change to ${project}: the catalog shows the new text now.`],
        label: "See the project",
      };
  }
}

function reasonOf(roles: { maintainer: boolean; mentor: boolean }): string {
  if (roles.maintainer && roles.mentor) return "maintain the organization of and mentor";
  return roles.maintainer ? "maintain the organization of" : "mentor";
}
