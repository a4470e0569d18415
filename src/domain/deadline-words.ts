import type { PhaseKind } from "./phases.ts";
import type { Deadline } from "./timeline.ts";

type Words = Record<Deadline["event"], string>;

// A one-instant phase (e.g. "selection notifications: Wed June 12, 5:00 PM PDT") arrives as "closes".
const WORDS: Record<PhaseKind, Words> = {
  proposals: { opens: "Project proposals open", closes: "Project proposals close", day: "Project proposals are due" },
  applications: { opens: "Applications open", closes: "Applications close", day: "Last day for applications" },
  review: { opens: "Application review begins", closes: "Admission decisions are due", day: "Admission decisions" },
  notifications: { opens: "Selection notifications begin", closes: "Selections are announced", day: "Selections are announced" },
  start: { opens: "Mentorship begins", closes: "Week 1 ends", day: "Mentorship begins" },
  midterm: { opens: "Midterm evaluations open", closes: "Midterm evaluations are due", day: "Midterm evaluations" },
  final: { opens: "Final evaluations open", closes: "Final evaluations are due", day: "Final evaluations" },
  end: { opens: "Last day of term", closes: "The term ends", day: "Last day of term" },
};

/**
 * The deadline as the subject of a short sentence: "Applications close", "Selections are announced".
 * The pages and the calendar feed say it in the same words.
 */
export function deadlineHeadline(deadline: Pick<Deadline, "kind" | "event">): string {
  return WORDS[deadline.kind][deadline.event];
}
