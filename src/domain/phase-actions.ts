import { formatInstantAndUtc } from "./format-instant.ts";
import type { PhaseKind } from "./phases.ts";
import { findPhase, phaseWindow, type TermTimeline } from "./timeline.ts";

/**
 * The actions that belong to a phase of the term: each opens when one phase starts and
 * closes when a phase ends. Review opens with applications, so mentors read them as they come.
 */
export const PHASE_ACTIONS = {
  proposeProject: { label: "Project proposals", opensWith: "proposals", closesWith: "proposals" },
  submitApplication: { label: "Applications", opensWith: "applications", closesWith: "applications" },
  reviewApplication: { label: "Application reviews", opensWith: "applications", closesWith: "review" },
  submitMidtermEvaluation: { label: "Midterm evaluations", opensWith: "midterm", closesWith: "midterm" },
  submitFinalEvaluation: { label: "Final evaluations", opensWith: "final", closesWith: "final" },
} as const satisfies Record<string, { label: string; opensWith: PhaseKind; closesWith: PhaseKind }>;

/** An action that only a phase of the term allows. */
export type PhaseAction = keyof typeof PHASE_ACTIONS;

/** Whether an action is open now, and if not, why, in words a person can act on. */
export type ActionAvailability =
  | { open: true; closesAt: Date; message: string }
  | { open: false; reason: "not_yet_open"; opensAt: Date; message: string }
  | { open: false; reason: "closed"; closedAt: Date; message: string }
  | { open: false; reason: "not_scheduled"; message: string };

/**
 * Answers "may this action be taken at this instant?" for a term. The window is start ≤ at <
 * end: a deadline of 17:00 PDT accepts 16:59:59.999 and refuses 17:00:00.000. Messages give
 * the instant in the term's zone and in UTC, e.g. "Applications for Term 02 - 2024 June -
 * August closed on Tue 28 May 2024 at 17:00 PDT (00:00 UTC)."
 */
export function checkActionOpen(timeline: TermTimeline, action: PhaseAction, at: Date): ActionAvailability {
  const rule = PHASE_ACTIONS[action];
  const opening = findPhase(timeline, rule.opensWith);
  const closing = findPhase(timeline, rule.closesWith);
  const opensAt = opening ? phaseWindow(opening)?.start : undefined;
  const closesAt = closing ? phaseWindow(closing)?.end : undefined;
  const subject = `${rule.label} for ${timeline.title}`;
  if (!opensAt || !closesAt) {
    return { open: false, reason: "not_scheduled", message: `${subject} have no dates in the timeline yet.` };
  }
  if (at.getTime() < opensAt.getTime()) {
    return { open: false, reason: "not_yet_open", opensAt, message: `${subject} open on ${formatInstantAndUtc(opensAt, timeline.timeZone)}.` };
  }
  if (at.getTime() >= closesAt.getTime()) {
    return { open: false, reason: "closed", closedAt: closesAt, message: `${subject} closed on ${formatInstantAndUtc(closesAt, timeline.timeZone)}.` };
  }
  return { open: true, closesAt, message: `${subject} are open until ${formatInstantAndUtc(closesAt, timeline.timeZone)}.` };
}
