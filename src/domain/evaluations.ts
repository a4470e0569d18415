import { PHASE_ACTIONS, type PhaseAction } from "./phase-actions.ts";
import type { EvaluationKind } from "./stipends.ts";
import { findPhase, phaseWindow, type TermTimeline } from "./timeline.ts";

/**
 * Evaluations (WORKFLOW.md, "Mentorships, evaluations and stipends"): the mentors submit the
 * midterm and the final evaluation of their mentee in its window, and the mentee submits program
 * feedback and a blog post with the final. The windows are the mentorship's own timeline (the
 * term's moved by its extension). Whoever has not submitted is reminded 3 days and 1 day before
 * the window closes, and flagged to the admins after it.
 */

/** The outcome of an evaluation. */
export const EVALUATION_OUTCOMES = ["pass", "fail"] as const;

/** One outcome. */
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

/** The phase action whose window each evaluation is open in. */
export const EVALUATION_ACTIONS = {
  midterm: "submitMidtermEvaluation",
  final: "submitFinalEvaluation",
} as const satisfies Record<EvaluationKind, PhaseAction>;

/** An evaluation kind in words: "midterm evaluation". */
export const EVALUATION_WORDS = { midterm: "midterm evaluation", final: "final evaluation" } as const satisfies Record<EvaluationKind, string>;

/** When an evaluation is due (its window closes) on a mentorship's timeline, or null when the timeline has no such date. */
export function evaluationDueAt(timeline: TermTimeline, kind: EvaluationKind): Date | null {
  const phase = findPhase(timeline, PHASE_ACTIONS[EVALUATION_ACTIONS[kind]].closesWith);
  return (phase && phaseWindow(phase)?.end) ?? null;
}

/** The reminders before an evaluation is due, earliest first. */
export const EVALUATION_REMINDER_OFFSETS = ["3d", "1d"] as const;

/** One reminder, named by how long before the due instant it comes. */
export type EvaluationReminderOffset = (typeof EVALUATION_REMINDER_OFFSETS)[number];

const DAY_MS = 24 * 60 * 60_000;
const OFFSET_MS = { "3d": 3 * DAY_MS, "1d": DAY_MS } as const satisfies Record<EvaluationReminderOffset, number>;

/** The instant a reminder is due: its offset before the evaluation is. */
export function evaluationReminderDueAt(dueAt: Date, offset: EvaluationReminderOffset): Date {
  return new Date(dueAt.getTime() - OFFSET_MS[offset]);
}

/**
 * Whether a reminder still has something to say at `at`: its instant has come, the evaluation is
 * not yet due, and the later reminder's instant has not come (that one says it instead).
 */
export function evaluationReminderTimely(dueAt: Date, offset: EvaluationReminderOffset, at: Date): boolean {
  if (at.getTime() < evaluationReminderDueAt(dueAt, offset).getTime() || at.getTime() >= dueAt.getTime()) return false;
  const later = EVALUATION_REMINDER_OFFSETS[EVALUATION_REMINDER_OFFSETS.indexOf(offset) + 1];
  return later === undefined || at.getTime() < evaluationReminderDueAt(dueAt, later).getTime();
}

/** What a mentorship has in for one evaluation kind. */
export interface EvaluationProgress {
  /** The mentors' evaluation, when submitted. */
  outcome: EvaluationOutcome | null;
  /** For the final: whether the mentee's feedback and blog post are in. */
  menteeReportIn: boolean;
}

/** Who still owes something for an evaluation: the mentors their evaluation, and for the final the mentee their feedback and blog post. */
export function missingParts(kind: EvaluationKind, progress: EvaluationProgress): Array<"evaluation" | "mentee_report"> {
  const missing: Array<"evaluation" | "mentee_report"> = [];
  if (progress.outcome === null) missing.push("evaluation");
  if (kind === "final" && !progress.menteeReportIn) missing.push("mentee_report");
  return missing;
}

/** Whether an installment released by `kind` is earned: its evaluation passed, and for the final the mentee's report is in too. */
export function releases(kind: EvaluationKind, progress: EvaluationProgress): boolean {
  return progress.outcome === "pass" && missingParts(kind, progress).length === 0;
}
