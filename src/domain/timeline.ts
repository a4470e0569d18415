import { DateTime } from "luxon";
import { type PhaseKind, phaseOrder } from "./phases.ts";

/** One phase of a term's timeline as the domain reads it: instants in UTC, wording kept. */
export interface TimelinePhase {
  kind: PhaseKind | null;
  activity: string;
  /** The date as the program wrote it ("Monday May 13 - Tues May 28, 5:00 PM PDT"). */
  text: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** The part of a term the lifecycle rules need. */
export interface TermTimeline {
  title: string;
  timeZone: string;
  phases: readonly TimelinePhase[];
}

/** A phase's window: open from `start` (inclusive) until `end` (exclusive). */
export interface PhaseWindow {
  start: Date;
  end: Date;
}

/**
 * The window in which a phase is open. A phase given as one date is a point: it opens and
 * closes at that instant. A phase with no readable date has no window.
 */
export function phaseWindow(phase: TimelinePhase): PhaseWindow | null {
  const start = phase.startsAt ?? phase.endsAt;
  const end = phase.endsAt ?? phase.startsAt;
  if (!start || !end) return null;
  return { start, end };
}

/**
 * The last instant a term's timeline names, every row counted (the term's own span, "Fall Term:
 * September 1st - November 30th", has no kind), or null when no row has a date.
 */
export function termEndsAt(timeline: Pick<TermTimeline, "phases">): number | null {
  const ends = timeline.phases.flatMap((phase) => {
    const window = phaseWindow(phase);
    return window ? [window.end.getTime()] : [];
  });
  return ends.length > 0 ? Math.max(...ends) : null;
}

/** The first instant a term's timeline names, every row counted, or null when no row has a date. */
export function termStartsAt(timeline: Pick<TermTimeline, "phases">): number | null {
  const starts = timeline.phases.flatMap((phase) => {
    const window = phaseWindow(phase);
    return window ? [window.start.getTime()] : [];
  });
  return starts.length > 0 ? Math.min(...starts) : null;
}

/**
 * The phases in the order of their dates, by start then end, as a timeline lists them; a phase
 * without a date stays right after the phase it follows on the page. The page's own order is kept
 * where dates tie, and the stored timeline keeps it whole.
 */
export function phasesInDateOrder<T extends TimelinePhase>(phases: readonly T[]): T[] {
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const keyed = phases.map((phase, index) => {
    const window = phaseWindow(phase);
    if (window) {
      start = window.start.getTime();
      end = window.end.getTime();
    }
    return { phase, index, start, end };
  });
  keyed.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  return keyed.map((entry) => entry.phase);
}

/** The first phase of a kind, or undefined when the timeline has none. */
export function findPhase(timeline: TermTimeline, kind: PhaseKind): TimelinePhase | undefined {
  return timeline.phases.find((phase) => phase.kind === kind);
}

/** True when `at` lies inside the window: start ≤ at < end. The end instant itself is closed. */
export function isWithin(window: PhaseWindow, at: Date): boolean {
  return window.start.getTime() <= at.getTime() && at.getTime() < window.end.getTime();
}

/** The phases that carry a kind and a window, in lifecycle order. */
export function datedPhases(timeline: TermTimeline): Array<TimelinePhase & { kind: PhaseKind; window: PhaseWindow }> {
  const dated: Array<TimelinePhase & { kind: PhaseKind; window: PhaseWindow }> = [];
  for (const phase of timeline.phases) {
    const window = phaseWindow(phase);
    if (phase.kind && window) dated.push({ ...phase, kind: phase.kind, window });
  }
  return dated.sort((a, b) => phaseOrder(a.kind) - phaseOrder(b.kind));
}

/**
 * A date a person should know about next: which phase, and whether it opens, closes, or is a
 * day on the calendar ("Last day of term: Fri 30 Aug"), and when.
 */
export interface Deadline {
  kind: PhaseKind;
  activity: string;
  event: "opens" | "closes" | "day";
  at: Date;
}

/** True when a window is one whole calendar day in the zone: a date the program gave without a time. */
export function isWholeDay(window: PhaseWindow, timeZone: string): boolean {
  const start = DateTime.fromJSDate(window.start, { zone: timeZone });
  return start.equals(start.startOf("day")) && start.plus({ days: 1 }).toMillis() === window.end.getTime();
}

/**
 * The next instant after `at` at which something opens or closes, or null when the term is
 * over. A point phase (one date) counts as a deadline that closes.
 */
export function nextDeadline(timeline: TermTimeline, at: Date): Deadline | null {
  const upcoming: Deadline[] = [];
  for (const phase of datedPhases(timeline)) {
    const { start, end } = phase.window;
    if (isWholeDay(phase.window, timeline.timeZone)) {
      if (start.getTime() > at.getTime()) upcoming.push({ kind: phase.kind, activity: phase.activity, event: "day", at: start });
      continue;
    }
    const isPoint = start.getTime() === end.getTime();
    if (!isPoint && start.getTime() > at.getTime()) {
      upcoming.push({ kind: phase.kind, activity: phase.activity, event: "opens", at: start });
    }
    if (end.getTime() > at.getTime()) {
      upcoming.push({ kind: phase.kind, activity: phase.activity, event: "closes", at: end });
    }
  }
  upcoming.sort((a, b) => a.at.getTime() - b.at.getTime());
  return upcoming[0] ?? null;
}
