import { DateTime } from "luxon";
import type { TermTimeline, TimelinePhase } from "./timeline.ts";

/**
 * A mentorship's dates (WORKFLOW.md, "Mentorships, evaluations and stipends"): the term's
 * timeline, shifted by the mentorship's extension. An extension moves every date of the
 * timeline that lies after the instant it was granted by its weeks, in the term's own calendar
 * (17:00 stays 17:00 across a change to summer time); what already happened stays where it was.
 * So an extension granted during the final evaluations moves their end and the term's end, and
 * one granted before the midterm moves the midterm too.
 */

/** The shortest and longest extension an admin may grant, in weeks. */
export const EXTENSION_WEEKS = { min: 1, max: 5 } as const;

/** A mentorship's extension: its length and when it was granted; null for none. */
export interface Extension {
  weeks: number;
  grantedAt: Date;
}

/** The term's timeline as it applies to one mentorship: every date after the extension's grant moved by its weeks. */
export function mentorshipTimeline(term: TermTimeline, extension: Extension | null): TermTimeline {
  if (!extension || extension.weeks === 0) return term;
  const move = (instant: Date | null): Date | null => {
    if (!instant || instant.getTime() <= extension.grantedAt.getTime()) return instant;
    return DateTime.fromJSDate(instant, { zone: term.timeZone }).plus({ weeks: extension.weeks }).toJSDate();
  };
  return { ...term, phases: term.phases.map((phase): TimelinePhase => ({ ...phase, startsAt: move(phase.startsAt), endsAt: move(phase.endsAt) })) };
}
