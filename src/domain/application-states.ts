/**
 * The states of an application (WORKFLOW.md, "Applications"): an applicant drafts and submits
 * it, may withdraw it while applications are open and apply again; after selection it is
 * offered, then accepted, declined or lapsed, or it was not selected. Review marks
 * (shortlisted, not shortlisted) belong to mentors and are kept apart from this state.
 */
export const APPLICATION_STATES = ["draft", "submitted", "withdrawn", "offered", "accepted", "declined", "lapsed", "not_selected"] as const;

/** One application state. */
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Each state in words, as lists of applications show it to mentors and admins. */
export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  withdrawn: "Withdrawn",
  offered: "Offered",
  accepted: "Accepted",
  declined: "Declined",
  lapsed: "Offer lapsed",
  not_selected: "Not selected",
};

/** The states that count towards the program's application limit: every submitted one, and later. */
export const CAPPED_APPLICATION_STATES = [
  "submitted",
  "offered",
  "accepted",
  "declined",
  "lapsed",
  "not_selected",
] as const satisfies readonly ApplicationState[];

/** The states an applicant may still edit an application in, while applications are open. */
export const EDITABLE_APPLICATION_STATES = ["draft", "submitted", "withdrawn"] as const satisfies readonly ApplicationState[];

/** The states of an applicant's other applications of a term that accepting an offer withdraws: every one not yet answered or closed. */
export const WITHDRAWN_ON_ACCEPTANCE_STATES = ["draft", "submitted", "offered", "not_selected"] as const satisfies readonly ApplicationState[];

/** The most characters a cover letter may have (its Markdown source). */
export const COVER_LETTER_MAX_LENGTH = 6000;

/** The most links an application may carry. */
export const APPLICATION_LINKS_MAX = 5;

/** The most characters one answer to a project question may have. */
export const APPLICATION_ANSWER_MAX_LENGTH = 4000;

/** The kinds of eligibility question a program asks: yes or no, one of several choices, or free text. */
export const ELIGIBILITY_QUESTION_KINDS = ["yes_no", "choice", "text"] as const;

/** One kind of eligibility question. */
export type EligibilityQuestionKind = (typeof ELIGIBILITY_QUESTION_KINDS)[number];
