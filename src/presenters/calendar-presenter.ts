import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { DateTime } from "luxon";
import { deadlineHeadline } from "../domain/deadline-words.ts";
import { formatInstantAndUtc } from "../domain/format-instant.ts";
import { PHASE_ACTIONS } from "../domain/phase-actions.ts";
import type { PhaseKind } from "../domain/phases.ts";
import { isWholeDay, type PhaseWindow, phaseWindow, type TermTimeline, type TimelinePhase } from "../domain/timeline.ts";
import type { ProgramRow, TermRow } from "../storage/schema.ts";

/** A term's calendar feed: a file name and the iCalendar text. */
export interface TermCalendar {
  filename: string;
  body: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How long a deadline's event lasts: long enough to be seen, short enough not to block the day. */
const DEADLINE_MINUTES = 15;
/** A subscriber is reminded a day before each deadline (RFC 5545 TRIGGER:-P1D). */
const REMINDER_SECONDS = 24 * 60 * 60;

/** The kinds whose end closes something a person must do in time: a proposal, an application, a review, an evaluation. */
const CLOSING_KINDS: ReadonlySet<PhaseKind> = new Set(Object.values(PHASE_ACTIONS).map((action) => action.closesWith));

/**
 * A term's timeline as an iCalendar feed (RFC 5545), so a subscriber's calendar shows the
 * deadlines without being covered in weeks-long blocks:
 * - a deadline is a short event at its instant with a reminder a day before: a phase given as
 *   one instant ("selection notifications: Wed June 12, 5:00 PM PDT") and the closing instant of
 *   a phase that closes an action (proposals, applications, review, evaluations);
 * - a phase longer than a day is an all-day span (DTSTART;VALUE=DATE, DTEND the day after its
 *   last day), free time, in the term's calendar dates; a closing phase adds its deadline beside it;
 * - a phase given as a day without a time is an all-day event on that day, with the reminder
 *   when it closes an action;
 * - a phase shorter than a day with times of day keeps its times.
 * Each event's UID is built from the term's slug and the phase kind (or its row), so a
 * calendar app that subscribed updates the event when dates change instead of adding one.
 */
export function presentTermCalendar(found: { term: TermRow; program: ProgramRow; timeline: TermTimeline }): TermCalendar {
  const { term, program, timeline } = found;
  const calendar = ical({
    name: `${program.name}: ${term.title}`,
    description: `Deadlines of ${term.title}. The program states its times in ${term.timeZone}.`,
    prodId: { company: "Cohort", product: "Cohort", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  const stamp = new Date(term.updatedAt);
  const zone = term.timeZone;
  timeline.phases.forEach((phase, index) => {
    const window = phaseWindow(phase);
    if (!window) return;
    const id = `${term.slug}.${phase.kind ?? `row-${index + 1}`}`;
    const closes = phase.kind !== null && CLOSING_KINDS.has(phase.kind);
    const wording = `As the program wrote it: ${phase.text}`;
    const point = window.start.getTime() === window.end.getTime();
    const wholeDay = !point && isWholeDay(window, zone);
    if (point || wholeDay || window.end.getTime() - window.start.getTime() < DAY_MS) {
      const headline = phase.kind && (point || wholeDay) ? deadlineHeadline({ kind: phase.kind, event: point ? "closes" : "day" }) : phase.activity;
      calendar.createEvent({
        id: `${id}@cohort`,
        stamp,
        summary: `${term.title}: ${headline}`,
        description: [phase.activity, wording, point ? `Deadline: ${formatInstantAndUtc(window.end, zone)}` : spanWords(window, zone)].join("\n"),
        categories: phase.kind ? [{ name: phase.kind }] : [],
        ...(point ? deadlineTimes(window.end) : wholeDay ? allDayTimes(window, zone) : { start: window.start, end: window.end }),
        ...(point || closes ? { alarms: [reminder(phase)] } : {}),
      });
      return;
    }
    calendar.createEvent({
      id: `${id}@cohort`,
      stamp,
      summary: `${term.title}: ${phase.activity}`,
      description: [wording, spanWords(window, zone)].join("\n"),
      categories: phase.kind ? [{ name: phase.kind }] : [],
      transparency: ICalEventTransparency.TRANSPARENT,
      ...allDayTimes(window, zone),
    });
    if (!closes || !phase.kind) return;
    calendar.createEvent({
      id: `${id}.closes@cohort`,
      stamp,
      summary: `${term.title}: ${deadlineHeadline({ kind: phase.kind, event: "closes" })}`,
      description: [phase.activity, wording, `Deadline: ${formatInstantAndUtc(window.end, zone)}`].join("\n"),
      categories: [{ name: phase.kind }],
      ...deadlineTimes(window.end),
      alarms: [reminder(phase)],
    });
  });
  return { filename: `${term.slug}.ics`, body: calendar.toString() };
}

function deadlineTimes(at: Date): { start: Date; end: Date } {
  return { start: at, end: new Date(at.getTime() + DEADLINE_MINUTES * MINUTE_MS) };
}

/**
 * The calendar days a window covers in the term's zone, as all-day dates: the end is exclusive,
 * so a window that ends at midnight ends on that date and one that ends later in the day on the next.
 */
function allDayTimes(window: PhaseWindow, zone: string): { start: DateTime; end: DateTime; allDay: true } {
  const start = DateTime.fromJSDate(window.start, { zone }).startOf("day");
  const end = DateTime.fromJSDate(window.end, { zone });
  const endDay = end.equals(end.startOf("day")) ? end : end.startOf("day").plus({ days: 1 });
  return { start, end: endDay > start ? endDay : start.plus({ days: 1 }), allDay: true };
}

function reminder(phase: TimelinePhase) {
  return { type: ICalAlarmType.display, trigger: REMINDER_SECONDS, description: `Tomorrow: ${phase.activity}` };
}

// A feed has no one viewer: each calendar app shows the event in its own zone, so the words give the term's zone and UTC.
function spanWords(window: PhaseWindow, zone: string): string {
  return `From ${formatInstantAndUtc(window.start, zone)} until ${formatInstantAndUtc(window.end, zone)}`;
}
