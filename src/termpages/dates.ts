import { DateTime } from "luxon";
import { formatOffset, ZONE_ABBREVIATIONS } from "./zones.ts";

/** What the date reader needs to know about the term. */
export interface DateContext {
  /** IANA zone used when a date states none. */
  timeZone: string;
  /** Year for dates written without one. */
  year: number | null;
}

/** An irregularity in one date, reported by the timeline as a finding. */
export interface DateProblem {
  rule: "wrong-zone-abbreviation" | "unreadable-date" | "weekday-mismatch";
  message: string;
}

/** Instants of a date or range (ISO 8601 UTC; the end is exclusive for whole days). */
export interface DateRange {
  start: string | null;
  end: string | null;
  problems: DateProblem[];
}

interface Side {
  weekday: number | null;
  weekdayText: string | null;
  month: number | null;
  day: number | null;
  dayText: string | null;
  year: number | null;
  hour: number | null;
  minute: number | null;
  zone: string | null;
  timeText: string | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const index = MONTHS.indexOf(w.slice(0, 3));
  if (index < 0) return null;
  // "Sept" and "Sep." are abbreviations; "Mayday" is not a month.
  return MONTH_NAMES[index]?.startsWith(w) || w === "sept" ? index + 1 : null;
}

function weekdayOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 2) return null;
  if (w === "weds" || w === "thur" || w === "thurs" || w === "tues") return w.startsWith("w") ? 3 : w.startsWith("th") ? 4 : 2;
  const index = WEEKDAY_NAMES.findIndex((name) => name.startsWith(w) && w.length >= 3);
  return index < 0 ? null : index + 1;
}

const TOKEN =
  /(\d{4})-(\d{2})-(\d{2})|(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?![a-z])|(\d{1,2}):(\d{2})|(\d{4})(?!\d)|(\d{1,2})(st|nd|rd|th)?(?![\d:])|([A-Za-z]+\.?)|(\s[-–—]\s|[–—]|\s-(?=\S)|(?<=\S)-\s)/gi;

function emptySide(): Side {
  return { weekday: null, weekdayText: null, month: null, day: null, dayText: null, year: null, hour: null, minute: null, zone: null, timeText: null };
}

/** Reads the date components of a text: one side, or two for a range. */
function readSides(text: string): Side[] {
  const cleaned = text.replace(/\([^()]*\)/g, " ").replace(/[*_~]/g, " ");
  const sides: Side[] = [emptySide()];
  const hasDate = (side: Side) => side.month !== null || side.day !== null;
  for (const m of cleaned.matchAll(TOKEN)) {
    let side = sides[sides.length - 1] as Side;
    const word = m[12];
    if (m[13] !== undefined || (word && /^(to|through|thru|until|till)$/i.test(word))) {
      if (hasDate(side) && sides.length === 1) sides.push(emptySide());
      continue;
    }
    if (m[1] !== undefined) {
      side.year = Number(m[1]);
      side.month = Number(m[2]);
      side.day = Number(m[3]);
      side.dayText = m[0];
    } else if (m[4] !== undefined) {
      const pm = (m[6] ?? "").toLowerCase() === "p";
      const hour = Number(m[4]) % 12;
      side.hour = pm ? hour + 12 : hour;
      side.minute = m[5] !== undefined ? Number(m[5]) : 0;
      side.timeText = m[0];
    } else if (m[7] !== undefined) {
      side.hour = Number(m[7]);
      side.minute = Number(m[8]);
      side.timeText = m[0];
    } else if (m[9] !== undefined) {
      side.year = Number(m[9]);
    } else if (m[10] !== undefined) {
      // A second day number without a month ("Jan 16 - 31") starts the end of a range.
      if (side.day !== null && sides.length === 1) {
        side = emptySide();
        sides.push(side);
      }
      if (side.day === null) {
        side.day = Number(m[10]);
        side.dayText = m[0];
      }
    } else if (word) {
      const upper = word.replace(/\.$/, "").toUpperCase();
      const month = monthOf(word);
      const weekday = month === null ? weekdayOf(word) : null;
      if (month !== null) {
        if ((side.month !== null || side.day !== null) && sides.length === 1 && side.month !== null) {
          side = emptySide();
          sides.push(side);
        }
        side.month = month;
      } else if (weekday !== null) {
        if (hasDate(side) && sides.length === 1) {
          side = emptySide();
          sides.push(side);
        }
        side.weekday = weekday;
        side.weekdayText = word;
      } else if (ZONE_ABBREVIATIONS[upper] && word.length >= 2) side.zone = upper;
    }
  }
  return sides.filter((side, index) => index === 0 || hasDate(side) || side.timeText !== null);
}

/** True when a text holds at least one calendar date (a month with a day). */
export function looksLikeDate(text: string): boolean {
  const [first] = readSides(text);
  return first !== undefined && first.month !== null && first.day !== null;
}

function describe(side: Side, year: number | null): string {
  const month = side.month ? MONTH_NAMES[side.month - 1] : null;
  const parts = [side.weekdayText, month ? month[0]?.toUpperCase() + month.slice(1) : null, side.dayText, year, side.timeText, side.zone];
  return parts.filter((part) => part !== null && part !== undefined).join(" ");
}

interface Instant {
  value: DateTime | null;
  problems: DateProblem[];
}

/** Turns one side into an instant: its time, or the start (or exclusive end) of its day. */
function instantOf(side: Side, year: number | null, zoneName: string | null, context: DateContext, isEnd: boolean): Instant {
  const problems: DateProblem[] = [];
  const label = describe(side, year);
  if (side.month === null || side.day === null) {
    return { value: null, problems: [{ rule: "unreadable-date", message: `no month or day in "${label}"` }] };
  }
  if (year === null) {
    return { value: null, problems: [{ rule: "unreadable-date", message: `no year for "${label}" and none could be inferred` }] };
  }
  const abbreviation = zoneName ? ZONE_ABBREVIATIONS[zoneName] : undefined;
  const zone = abbreviation?.zone ?? context.timeZone;
  const hasTime = side.hour !== null;
  const local = DateTime.fromObject({ year, month: side.month, day: side.day, hour: side.hour ?? 0, minute: side.minute ?? 0 }, { zone });
  if (!local.isValid || local.day !== side.day) {
    return { value: null, problems: [{ rule: "unreadable-date", message: `"${label}" is not a date of the calendar` }] };
  }
  if (side.weekday !== null && local.weekday !== side.weekday) {
    const stated = DateTime.fromObject({ weekday: side.weekday as 1 }).toFormat("cccc");
    problems.push({ rule: "weekday-mismatch", message: `${local.toFormat("LLLL d, yyyy")} is a ${local.toFormat("cccc")}, not a ${stated}` });
  }
  // The abbreviation decides only when it agrees with the zone database; otherwise the wall time in the zone stands.
  const stated = abbreviation?.offset ?? null;
  if (hasTime && stated !== null && local.offset !== stated) {
    const offset = formatOffset(local.offset);
    const name = local.offsetNameShort || offset;
    problems.push({
      rule: "wrong-zone-abbreviation",
      message: `${zoneName} (${formatOffset(stated)}) does not apply on ${local.toFormat("LLL d, yyyy")}: ${zone} is on ${name} (${offset}) then; read as ${local.toFormat("h:mm a")} ${name}`,
    });
  }
  const value = hasTime ? local : isEnd ? local.startOf("day").plus({ days: 1 }) : local.startOf("day");
  return { value, problems };
}

/**
 * Reads a date or range as the pages write them ("Monday April 8 - Wed May 8, 2024, 5:00 PM PDT",
 * "Tues 15", "May 8th", "11AM PST (19:00 UTC)") into instants in the term's zone.
 * A day without a time starts at its midnight and, as an end, ends at the next midnight (exclusive).
 */
export function parseDateRange(text: string, context: DateContext): DateRange {
  const sides = readSides(text);
  const [first, second] = sides;
  if (!first || (first.month === null && first.day === null)) {
    return { start: null, end: null, problems: [{ rule: "unreadable-date", message: `"${text}" holds no date` }] };
  }
  const last = second ?? first;
  // What the range states once applies to both ends: "Jan 16 - 31", "Apr 8 - May 8, 2024, 5:00 PM PDT".
  if (last.month === null) last.month = first.month;
  if (second && second.day === null) {
    second.day = first.day;
    second.dayText = first.dayText;
  }
  if (first.month === null) first.month = last.month;
  const zone = last.zone ?? first.zone;
  const { startYear, endYear } = rangeYears(first, second, context);
  if (!second) {
    const only = instantOf(first, startYear, first.zone ?? zone, context, false);
    const end = first.hour !== null ? only : instantOf(first, startYear, zone, context, true);
    return { start: iso(only.value), end: iso(end.value), problems: only.problems };
  }
  const start = instantOf(first, startYear, first.zone ?? zone, context, false);
  const end = instantOf(second, endYear, second.zone ?? zone, context, true);
  return { start: iso(start.value), end: iso(end.value), problems: [...start.problems, ...end.problems] };
}

/** The years of a range's ends: what one side states applies to the other, across a new year ("Dec 16, 2024 - Jan 5"). */
function rangeYears(first: Side, second: Side | undefined, context: DateContext): { startYear: number | null; endYear: number | null } {
  const last = second ?? first;
  let startYear = first.year ?? last.year ?? context.year;
  let endYear = last.year ?? first.year ?? context.year;
  if (second && first.month !== null && second.month !== null) {
    if (first.year === null && second.year !== null && first.month > second.month) startYear = second.year - 1;
    if (second.year === null && first.year !== null && second.month < first.month) endYear = first.year + 1;
  }
  return { startYear, endYear };
}

/**
 * The month a range's end names when its day is past that month's last ("September 1st - November 31st"):
 * the month and year, or null when the end has no month, no year, or a day the month has.
 */
export function overflowingEndMonth(text: string, context: DateContext): { year: number; month: number } | null {
  const sides = readSides(text);
  const [first, second] = sides;
  const last = second ?? first;
  const month = last?.month ?? first?.month ?? null;
  if (!first || !last || month === null || last.day === null || last.day > 31) return null;
  const year = rangeYears({ ...first, month: first.month ?? month }, second ? { ...second, month } : undefined, context).endYear;
  if (year === null) return null;
  const days = DateTime.fromObject({ year, month }).daysInMonth ?? 31;
  return last.day > days ? { year, month } : null;
}

function iso(value: DateTime | null): string | null {
  return value ? value.toUTC().toISO() : null;
}

/** Length of the date expression a text starts with ("October 5 - November 2 (4 weeks) - coding" → 32), or 0. */
export function leadingDateLength(text: string): number {
  let end = 0;
  let dateEnd = 0;
  // "July 27 - 2nd (final) evaluation": a bare number after a dash, then prose, is not the end of a range.
  let beforeDash = 0;
  let bareDayAfterDash = false;
  let afterDash = false;
  for (const m of text.matchAll(TOKEN)) {
    const gap = text.slice(end, m.index);
    // Only spaces, commas and remarks in parentheses may sit between the parts of a date.
    if (!/^[\s,]*(\([^()]*\)[\s,]*)*$/.test(gap)) break;
    const word = m[12];
    const joiner = m[13] !== undefined || /^(to|through|thru|until|till)$/i.test(word ?? "");
    if (word && !joiner && monthOf(word) === null && weekdayOf(word) === null && !ZONE_ABBREVIATIONS[word.replace(/\.$/, "").toUpperCase()]) break;
    end = m.index + m[0].length;
    if (joiner) {
      beforeDash = dateEnd;
      afterDash = true;
      continue;
    }
    bareDayAfterDash = afterDash && m[10] !== undefined;
    afterDash = false;
    dateEnd = end;
    const remark = /^\s*\([^()]*\)/.exec(text.slice(end));
    if (remark) dateEnd = end + remark[0].length;
  }
  return bareDayAfterDash && text.slice(dateEnd).trim() !== "" ? beforeDash : dateEnd;
}
