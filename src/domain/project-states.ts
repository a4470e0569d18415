/** Project states (SPEC.md, "Objects"): proposed by an organization, then accepted, rejected or withdrawn. */
export const PROJECT_STATES = ["proposed", "accepted", "rejected", "withdrawn"] as const;

/** One project state. */
export type ProjectState = (typeof PROJECT_STATES)[number];
