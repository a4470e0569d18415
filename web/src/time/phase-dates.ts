import type { Phase } from "../../../src/schemas/catalog.ts";
import { formatDateTime } from "./format-date.ts";
import { sameWallClock, viewerTimeZone, zoneAbbreviation } from "./zones.ts";

/** A phase's dates as two lines: the viewer's zone (when it differs and a time of day is known) and the term's zone. */
export interface PhaseDates {
  viewer: string | null;
  term: string | null;
}

function isMidnight(date: Date, timeZone: string): boolean {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  return time === "00:00";
}

type Piece = { date: Date; dayOnly: boolean };

/**
 * Reads a phase's instants the way the importer wrote them: a day without a time starts at
 * midnight and ends (exclusively) at the next midnight, so that end is shown as the day before.
 */
function pieces(phase: Phase, termZone: string): Piece[] {
  if (!phase.startsAt) return [];
  const start = new Date(phase.startsAt);
  const end = phase.endsAt ? new Date(phase.endsAt) : start;
  const startPiece = { date: start, dayOnly: isMidnight(start, termZone) };
  if (end.getTime() === start.getTime()) return [startPiece];
  const endDayOnly = isMidnight(end, termZone);
  const endPiece = { date: endDayOnly ? new Date(end.getTime() - 1) : end, dayOnly: endDayOnly };
  if (startPiece.dayOnly && endDayOnly && formatDateTime(start, termZone, { dateOnly: true }) === formatDateTime(endPiece.date, termZone, { dateOnly: true })) {
    return [startPiece];
  }
  return [startPiece, endPiece];
}

/**
 * One line of dates: "Mon 13 May – Wed 29 May, 02:00 your time" or "Tue 30 Jun, 17:00 – Tue 28 Jul, 11:00 PDT".
 * The zone (or "your time") is said once, after the last time of day, unless the two ends differ in it.
 */
function line(list: Piece[], zone: string, termZone: string, viewerLabel: boolean): string {
  const suffixOf = (piece: Piece) => (piece.dayOnly ? "" : viewerLabel ? "your time" : zoneAbbreviation(piece.date, zone));
  const suffixes = list.map(suffixOf);
  const last = suffixes[suffixes.length - 1] ?? "";
  return list
    .map((piece, index) => {
      if (piece.dayOnly) return formatDateTime(piece.date, termZone, { dateOnly: true });
      const text = formatDateTime(piece.date, zone, { withoutZone: true });
      const isLast = index === list.length - 1;
      return isLast || suffixes[index] !== last ? `${text} ${suffixes[index]}` : text;
    })
    .join(" – ");
}

/** Words for a phase's dates in the viewer's zone and in the term's zone. */
export function phaseDates(phase: Phase, termZone: string, viewerZone = viewerTimeZone()): PhaseDates {
  const list = pieces(phase, termZone);
  if (list.length === 0) return { viewer: null, term: null };
  const timed = list.filter((piece) => !piece.dayOnly);
  const differs = timed.some((piece) => !sameWallClock(piece.date, viewerZone, termZone));
  return {
    viewer: differs ? line(list, viewerZone, termZone, true) : null,
    term: line(list, termZone, termZone, false),
  };
}
