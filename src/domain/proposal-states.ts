/**
 * The states of a project proposal (WORKFLOW.md, "Proposals"): a maintainer drafts and submits
 * it, an admin accepts it with slots, rejects it with a reason or asks for changes, and it may
 * be withdrawn at any point before applications close.
 */
export const PROPOSAL_STATES = ["draft", "submitted", "changes_requested", "accepted", "rejected", "withdrawn"] as const;

/** One proposal state. */
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * Where an undecided proposal stands. The project row keeps its fate in `state` ("proposed"
 * until an admin decides) and its stage in `proposal_stage`, so the catalog's rules, which
 * only know accepted projects, never see the proposal workflow.
 */
export const PROPOSAL_STAGES = ["draft", "submitted", "changes_requested"] as const;

/** One stage of an undecided proposal. */
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

/** A proposal's state from the project's fate and its stage. */
export function proposalState(project: { state: "proposed" | "accepted" | "rejected" | "withdrawn"; proposalStage: ProposalStage }): ProposalState {
  return project.state === "proposed" ? project.proposalStage : project.state;
}

/** The two stored columns that hold a proposal state. */
export function storedProposalState(state: ProposalState): { state: "proposed" | "accepted" | "rejected" | "withdrawn"; proposalStage: ProposalStage } {
  if (state === "draft" || state === "submitted" || state === "changes_requested") return { state: "proposed", proposalStage: state };
  return { state, proposalStage: "submitted" };
}

/** The states a maintainer may still edit a proposal in (an accepted one takes a pending change instead). */
export const EDITABLE_PROPOSAL_STATES = ["draft", "submitted", "changes_requested"] as const satisfies readonly ProposalState[];

/** The states that count towards an organization's quota: every submitted or accepted proposal. */
export const QUOTA_PROPOSAL_STATES = ["submitted", "changes_requested", "accepted"] as const satisfies readonly ProposalState[];

/** A named mentor's answer to "will you mentor this project?". */
export const MENTOR_CONFIRMATIONS = ["pending", "confirmed", "declined"] as const;

/** One mentor confirmation state. */
export type MentorConfirmation = (typeof MENTOR_CONFIRMATIONS)[number];

/** What an applicant is asked on a proposal: a prerequisite task or a question. */
export const PROJECT_QUESTION_SECTIONS = ["task", "question"] as const;

/** One section of a project's questions. */
export type ProjectQuestionSection = (typeof PROJECT_QUESTION_SECTIONS)[number];

/** The kind of answer a project question takes. */
export const PROJECT_QUESTION_KINDS = ["text", "url", "choice"] as const;

/** One kind of answer. */
export type ProjectQuestionKind = (typeof PROJECT_QUESTION_KINDS)[number];

/** How much of a week the project asks of its mentee. */
export const TIME_COMMITMENTS = ["full_time", "part_time"] as const;

/** One time commitment. */
export type TimeCommitment = (typeof TIME_COMMITMENTS)[number];
