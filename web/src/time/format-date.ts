import { sameWallClock, viewerTimeZone, zoneAbbreviation } from "./zones.ts";

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Record<string, string> {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    partFormats.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** Options of formatDateTime. */
export interface FormatOptions {
  /** Add the year; by default only when the instant is not in the current year. */
  withYear?: boolean;
  /** Leave out the time of day, for phases the program dated by day only. */
  dateOnly?: boolean;
  /** Leave out the zone abbreviation (e.g. when "your time" follows). */
  withoutZone?: boolean;
}

/** An instant in a zone, worded the same everywhere: "Tue 28 May, 17:00 PDT" (with the year when it is not this year). */
export function formatDateTime(date: Date, timeZone: string, options: FormatOptions = {}): string {
  const parts = partsIn(date, timeZone);
  const withYear = options.withYear ?? parts.year !== partsIn(new Date(), timeZone).year;
  const day = `${parts.weekday} ${parts.day} ${parts.month}${withYear ? ` ${parts.year}` : ""}`;
  if (options.dateOnly) return day;
  const time = `${parts.hour}:${parts.minute}`;
  return options.withoutZone ? `${day}, ${time}` : `${day}, ${time} ${zoneAbbreviation(date, timeZone)}`;
}

/** An instant in the viewer's zone and in the term's zone: what every deadline on the page shows. */
export interface DualTime {
  /** In the viewer's zone, e.g. "Wed 29 May, 02:00 your time"; with the zone's abbreviation when the zones agree. */
  viewer: string;
  /** In the term's zone, e.g. "Tue 28 May, 17:00 PDT"; null when the two zones agree at that instant. */
  term: string | null;
}

/** Formats an ISO instant for the viewer first and the term's zone second. */
export function dualTime(iso: string, termZone: string, viewerZone = viewerTimeZone()): DualTime {
  const date = new Date(iso);
  if (sameWallClock(date, viewerZone, termZone)) return { viewer: formatDateTime(date, termZone), term: null };
  return { viewer: `${formatDateTime(date, viewerZone, { withoutZone: true })} your time`, term: formatDateTime(date, termZone) };
}

/**
 * An instant inside a sentence, the viewer's zone first and the term's beside it, as the
 * timeline shows it: "Wed 29 May, 02:00 your time (Tue 28 May, 17:00 PDT)", or
 * "Tue 28 May, 17:00 PDT" alone when the two zones agree.
 */
export function instantInSentence(iso: string, termZone: string, viewerZone = viewerTimeZone()): string {
  const time = dualTime(iso, termZone, viewerZone);
  return time.term ? `${time.viewer} (${time.term})` : time.viewer;
}

/**
 * A term's dates as a compact range in its zone: "13 May – 30 Aug 2024", "2 Dec 2024 – 28 Feb 2025".
 * `endIso` is exclusive, as the API gives it: a term whose last day is 30 Aug ends at the next midnight.
 */
export function formatDateRange(startIso: string, endIso: string, timeZone: string): string {
  const start = partsIn(new Date(startIso), timeZone);
  const end = partsIn(new Date(Math.max(Date.parse(startIso), Date.parse(endIso) - 1)), timeZone);
  const day = (parts: Record<string, string>, withYear: boolean) => `${parts.day} ${parts.month}${withYear ? ` ${parts.year}` : ""}`;
  if (start.year !== end.year) return `${day(start, true)} – ${day(end, true)}`;
  if (start.day === end.day && start.month === end.month) return day(start, true);
  return `${day(start, false)} – ${day(end, true)}`;
}

/** The year of a term's last day in its zone, from the exclusive end instant the API gives. */
export function yearOfLastDay(endIso: string, timeZone: string): string {
  return partsIn(new Date(Date.parse(endIso) - 1), timeZone).year ?? "";
}
