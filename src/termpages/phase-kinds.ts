import type { PhaseKind } from "../domain/phases.ts";

// First match wins: "project applications" are proposals (projects apply to the program),
// and "mentees are selected …, coding starts" is the start.
const RULES: [RegExp, PhaseKind | null][] = [
  [/kick.?off|info sessions?|office hours|^(first|second|final|\d\w*)?\s*stipend payments?$/i, null],
  [/\bproposals?\b|project (applications|ideas|submissions?)|projects? (are )?invited/i, "proposals"],
  [/midterm|mid-term|1st evaluation|first evaluation|intermediate checkpoint/i, "midterm"],
  [/final|2nd evaluation|second evaluation|\bevaluation checkpoint/i, "final"],
  [/(mentee|mentees|student) applications?|applications? (open|opened|period)|^applications?$|\bapply\b/i, "applications"],
  [/review|admission|selecting mentees|mentee selection/i, "review"],
  [/begins|coding starts|program starts|mentorship starts|start of (the )?(mentorship|term|program)|work phase/i, "start"],
  [/notification|mentees are selected|selections? (are )?(announced|made|published)|offers? (are )?sent/i, "notifications"],
  [/last day|end of (the )?term|term ends|program ends|results announced|coding ends/i, "end"],
];

/** Maps a timeline activity as written to its phase kind, or null when no kind fits. */
export function phaseKindOf(activity: string): PhaseKind | null {
  for (const [pattern, kind] of RULES) if (pattern.test(activity)) return kind;
  return null;
}
