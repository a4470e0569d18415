import { type PhaseKind, phaseOrder } from "./phases.ts";
import { datedPhases, isWithin, phaseWindow, type TermTimeline, termEndsAt } from "./timeline.ts";

/** A term's status, derived from its timeline and the clock (SPEC.md, "The term lifecycle"). */
export const TERM_STATUSES = [
  "planned",
  "proposals_open",
  "applications_open",
  "in_review",
  "selections_announced",
  "in_progress",
  "complete",
  "dates_unknown",
] as const;

/** One term status. */
export type TermStatus = (typeof TERM_STATUSES)[number];

/** Words for each status, as the UI and messages show them. */
export const TERM_STATUS_LABELS: Record<TermStatus, string> = {
  planned: "Planned",
  proposals_open: "Proposals open",
  applications_open: "Applications open",
  in_review: "In review",
  selections_announced: "Selections announced",
  in_progress: "In progress",
  complete: "Complete",
  dates_unknown: "Dates unknown",
};

const DAY_MS = 24 * 60 * 60 * 1000;
// A term's mentorship follows its review within weeks and lasts a few months: half a year after the
// last date its page names, no term is still under review, whatever the page left out.
const OVER_AFTER_MS = 180 * DAY_MS;

const STAGE_OF_KIND: Record<PhaseKind, TermStatus> = {
  proposals: "proposals_open",
  applications: "applications_open",
  review: "in_review",
  notifications: "selections_announced",
  start: "in_progress",
  midterm: "in_progress",
  final: "in_progress",
  end: "in_progress",
};

/**
 * The status of a term at an instant. The latest phase that has begun sets the stage; a
 * window that has closed moves the term on: proposals closed means planned again (projects
 * are being accepted, applications not yet open), applications closed means in review, and
 * the end of the last day means complete. A term is also complete once every date it names has
 * passed, when the last of them comes after its selection (the term's own span) or passed half a
 * year ago; while that span runs, the term is in progress. A timeline with no readable date at all
 * is "dates unknown".
 */
export function termStatusAt(timeline: TermTimeline, at: Date): TermStatus {
  const last = termEndsAt(timeline);
  if (last === null) return "dates_unknown";
  const phases = datedPhases(timeline);
  const selectionEnd = Math.max(
    Number.NEGATIVE_INFINITY,
    ...phases.filter((phase) => phaseOrder(phase.kind) < phaseOrder("start")).map((phase) => phase.window.end.getTime()),
  );
  if (at.getTime() >= last && (last > selectionEnd || at.getTime() - last >= OVER_AFTER_MS)) return "complete";
  const begun = phases.filter((phase) => phase.window.start.getTime() <= at.getTime());
  const current = begun[begun.length - 1];
  if (!current) return "planned";
  // A row of no kind that starts after the selection and has begun ("Fall Term: September 1st - …")
  // is the mentorship under way, on a page that names no phase for it.
  const spanBegun = timeline.phases.some((phase) => {
    const window = phase.kind === null ? phaseWindow(phase) : null;
    return window !== null && window.start.getTime() >= selectionEnd && window.start.getTime() <= at.getTime();
  });
  if (phaseOrder(current.kind) < phaseOrder("start") && spanBegun) return "in_progress";
  // Older pages may name no last day: a term whose mentorship began and whose every dated
  // phase has ended is complete.
  const mentorshipBegan = phaseOrder(current.kind) >= phaseOrder("start");
  if (mentorshipBegan && phases.every((phase) => phase.window.end.getTime() <= at.getTime())) return "complete";
  const open = isWithin(current.window, at) || current.window.start.getTime() === current.window.end.getTime();
  switch (current.kind) {
    case "proposals":
      return open ? "proposals_open" : "planned";
    case "applications":
      return open ? "applications_open" : "in_review";
    case "end":
      return at.getTime() >= current.window.end.getTime() ? "complete" : "in_progress";
    default:
      return STAGE_OF_KIND[current.kind];
  }
}
