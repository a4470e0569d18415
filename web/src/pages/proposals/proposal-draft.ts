import type { TimeCommitment } from "../../../../src/domain/proposal-states.ts";
import type { Proposal, ProposalQuestion, ProposalUpdateBody } from "../../../../src/schemas/proposal.ts";

/**
 * The proposal form's state as typed: numbers stay text until sent, so a half-typed "1" or an
 * emptied field is never turned into something the maintainer did not write.
 */
export interface ProposalDraft {
  title: string;
  description: string;
  expectedOutcome: string;
  skills: string[];
  mentors: string[];
  upstreamIssues: string[];
  slotsRequested: string;
  timeCommitment: TimeCommitment | null;
  hoursPerWeek: string;
  questions: ProposalQuestion[];
}

/** The fields an accepted project's edit may change; the server keeps them as a pending change. */
const PENDING_CHANGE_FIELDS = ["description", "expectedOutcome", "skills", "mentors"] as const;

/** The form's state for a proposal as the server answered it. */
export function draftFromProposal(proposal: Proposal): ProposalDraft {
  // An accepted project whose edit waits for an admin shows the edit, not the accepted text.
  const change = proposal.pendingChange;
  return {
    title: proposal.title,
    description: change?.description?.after ?? proposal.description,
    expectedOutcome: change?.expectedOutcome?.after ?? proposal.expectedOutcome,
    skills: change?.skills?.after ?? proposal.skills.map((skill) => skill.originalText),
    mentors: change?.mentors?.after ?? proposal.mentors.map((mentor) => mentor.namedAs ?? (mentor.githubHandle ? `@${mentor.githubHandle}` : mentor.name)),
    upstreamIssues: proposal.upstreamIssues,
    slotsRequested: String(proposal.slotsRequested),
    timeCommitment: proposal.timeCommitment,
    hoursPerWeek: proposal.hoursPerWeek === null ? "" : String(proposal.hoursPerWeek),
    questions: proposal.questions,
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * The body that saves the whole draft. Blank rows (an issue link or a mentor not typed yet) are
 * left out; a slot count or hours that are not a whole number are sent as they would be read, so
 * the server names the field instead of the form guessing.
 */
export function bodyOfDraft(draft: ProposalDraft): ProposalUpdateBody {
  const hours = wholeNumber(draft.hoursPerWeek);
  return {
    title: draft.title,
    description: draft.description,
    expectedOutcome: draft.expectedOutcome,
    skills: draft.skills,
    mentors: draft.mentors.map((mentor) => mentor.trim()).filter((mentor) => mentor !== ""),
    upstreamIssues: draft.upstreamIssues.map((url) => url.trim()).filter((url) => url !== ""),
    slotsRequested: wholeNumber(draft.slotsRequested) ?? Number.NaN,
    timeCommitment: draft.timeCommitment,
    hoursPerWeek: draft.hoursPerWeek.trim() === "" ? null : (hours ?? Number.NaN),
    questions: draft.questions.map((question) => ({
      ...question,
      choices: question.choices.map((choice) => choice.trim()).filter((choice) => choice !== ""),
    })),
  };
}

/** A question added but not worded yet: the list is held back until it has words, rather than refused. */
function hasUnwordedQuestion(draft: ProposalDraft): boolean {
  return draft.questions.some((question) => question.prompt.trim() === "");
}

/**
 * What changed between the last saved body and the form, as the PATCH to send: only the fields
 * that differ (nothing when the form is as saved). An accepted project sends only the fields a
 * pending change holds. A number the form cannot read yet is held back until it can, so an
 * autosave never fails on a field still being typed.
 */
export function changedFields(saved: ProposalUpdateBody, draft: ProposalDraft, accepted: boolean): ProposalUpdateBody {
  const next = bodyOfDraft(draft);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof ProposalUpdateBody>) {
    if (accepted && !(PENDING_CHANGE_FIELDS as readonly string[]).includes(key)) continue;
    const value = next[key];
    if (typeof value === "number" && Number.isNaN(value)) continue;
    if (key === "questions" && hasUnwordedQuestion(draft)) continue;
    if (JSON.stringify(value) !== JSON.stringify(saved[key])) changes[key] = value;
  }
  return changes as ProposalUpdateBody;
}

/** The words of a field the server blamed ("mentors.1", "questions.0.choices") when it is this field or inside it. */
export function errorOf(errors: ReadonlyMap<string, string>, field: string): string | undefined {
  return errors.get(field) ?? errors.get(`body.${field}`);
}
