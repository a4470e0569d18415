/**
 * The words of review and selection (WORKFLOW.md, "Review and selection"): a project's mentors
 * mark each submitted application shortlisted or not and rank their shortlist; the solver's
 * proposals are runs, of which an admin publishes one per term; an admin may pin an application
 * into the result or exclude it.
 */

/** How a project's mentors marked an application; none until they decide. */
export const REVIEW_MARKS = ["shortlisted", "not_shortlisted"] as const;

/** One review mark. */
export type ReviewMark = (typeof REVIEW_MARKS)[number];

/** The lowest and highest score a mentor gives an application. */
export const REVIEW_SCORE = { min: 1, max: 5 } as const;

/** A run of the solver: the latest proposal, an earlier one a re-run replaced, or the one published. */
export const SELECTION_RUN_STATES = ["proposed", "superseded", "published"] as const;

/** One state of a selection run. */
export type SelectionRunState = (typeof SELECTION_RUN_STATES)[number];

/** What an admin decided about one application before a run: put it in the result, or keep it out. */
export const SELECTION_OVERRIDE_KINDS = ["pin", "exclude"] as const;

/** One kind of selection override. */
export type SelectionOverrideKind = (typeof SELECTION_OVERRIDE_KINDS)[number];
