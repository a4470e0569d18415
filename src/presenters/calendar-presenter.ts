import ical, { ICalCalendarMethod } from "ical-generator";
import { formatInstant } from "../domain/format-instant.ts";
import { phaseWindow, type TermTimeline } from "../domain/timeline.ts";
import type { ProgramRow, TermRow } from "../storage/schema.ts";

/** A term's calendar feed: a file name and the iCalendar text. */
export interface TermCalendar {
  filename: string;
  body: string;
}

/**
 * A term's timeline as an iCalendar feed (RFC 5545): one event per dated phase, in UTC.
 * Each event's UID is built from the term's slug and the phase kind (or its row), so a
 * calendar app that subscribed updates the event when dates change instead of adding one.
 */
export function presentTermCalendar(found: { term: TermRow; program: ProgramRow; timeline: TermTimeline }): TermCalendar {
  const { term, program, timeline } = found;
  const calendar = ical({
    name: `${program.name}: ${term.title}`,
    description: `Deadlines of ${term.title}. Times are in UTC; the program states them in ${term.timeZone}.`,
    prodId: { company: "Cohort", product: "Cohort", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  timeline.phases.forEach((phase, index) => {
    const window = phaseWindow(phase);
    if (!window) return;
    const isDeadline = window.start.getTime() === window.end.getTime();
    calendar.createEvent({
      id: `${term.slug}.${phase.kind ?? `row-${index + 1}`}@cohort`,
      start: window.start,
      end: window.end,
      stamp: new Date(term.updatedAt),
      summary: `${term.title}: ${phase.activity}`,
      description: [
        `As the program wrote it: ${phase.text}`,
        isDeadline
          ? `Deadline: ${formatInstant(window.end, term.timeZone)}`
          : `From ${formatInstant(window.start, term.timeZone)} until ${formatInstant(window.end, term.timeZone)}`,
      ].join("\n"),
      categories: phase.kind ? [{ name: phase.kind }] : [],
    });
  });
  return { filename: `${term.slug}.ics`, body: calendar.toString() };
}
