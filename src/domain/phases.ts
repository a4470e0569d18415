/** The phase kinds of a term, in the order a term runs through them (SPEC.md, "The term lifecycle"). */
export const PHASE_KINDS = ["proposals", "applications", "review", "notifications", "start", "midterm", "final", "end"] as const;

/** One kind of phase in a term's timeline. */
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** True when `value` names a phase kind. */
export function isPhaseKind(value: string): value is PhaseKind {
  return (PHASE_KINDS as readonly string[]).includes(value);
}

/** Position of a kind in the lifecycle, for sorting phases. */
export function phaseOrder(kind: PhaseKind): number {
  return PHASE_KINDS.indexOf(kind);
}

/** Each phase kind as a person names it, e.g. the default wording of its row in a new term's timeline. */
export const PHASE_LABELS = {
  proposals: "Project proposals",
  applications: "Mentee applications",
  review: "Application review and admission decisions",
  notifications: "Selection notifications",
  start: "Mentorship begins",
  midterm: "Midterm evaluations",
  final: "Final evaluations",
  end: "Last day of term",
} as const satisfies Record<PhaseKind, string>;
