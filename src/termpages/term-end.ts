import { DateTime } from "luxon";
import { type DateContext, overflowingEndMonth } from "./dates.ts";
import { finding } from "./lint-rules.ts";
import type { Finding, ParsedTimelineRow } from "./types.ts";

/** What the page says beside its timeline that can bound the term. */
export interface TermFacts {
  title: string;
  duration: string | null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"];

const NUMBER = `(\\d{1,2}|${NUMBER_WORDS.join("|")})`;
const WEEKS = new RegExp(`(?<![\\w-])${NUMBER}\\s*weeks?\\b`, "i");
const MONTHS_LONG = new RegExp(`(?<![\\w-])${NUMBER}\\s*months?\\b`, "i");

function readNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word.toLowerCase()) + 1;
}

/** The weeks a duration line gives ("12 weeks", "twelve weeks"), or null when it gives none. */
export function durationWeeks(duration: string | null): number | null {
  const weeks = duration ? WEEKS.exec(duration) : null;
  return weeks?.[1] ? readNumber(weeks[1]) : null;
}

/** "12 weeks" or "three months" of a duration line; weeks win, as they are the more precise. */
function lengthOf(duration: string | null): { weeks: number } | { months: number } | null {
  const weeks = durationWeeks(duration);
  if (weeks !== null) return { weeks };
  const months = duration ? MONTHS_LONG.exec(duration) : null;
  return months?.[1] ? { months: readNumber(months[1]) } : null;
}

/** The last month named in a title that also names a year ("Term 03 - 2022 September - November" → November 2022). */
function titleMonth(title: string): { year: number; month: number } | null {
  const year = /\b(19|20)\d{2}\b/.exec(title);
  if (!year) return null;
  let month: number | null = null;
  for (const word of title.toLowerCase().match(/[a-z]+/g) ?? []) {
    const index = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word)) : -1;
    if (index >= 0 && (word.length >= 4 || word === MONTHS[index]?.slice(0, 3))) month = index + 1;
  }
  return month === null ? null : { year: Number(year[0]), month };
}

/** True for a row that closes the term: the last day, or a span the term itself runs through ("Fall Term: …"). */
function closesTerm(row: ParsedTimelineRow): boolean {
  return row.end === null && (row.kind === "end" || (row.kind === null && row.start !== null));
}

/**
 * Gives the term an end when the row that ends it cannot be read ("Fall Term: September 1st -
 * November 31st"), from what the page does say, in this order: the month the row names (its last
 * day), the other phases (the latest end among them), the duration counted from the mentorship's
 * start, the title's last month and year. Each end so taken is reported (`inferred-term-end`), and
 * the row's text stays as written; a row nothing on the page can bound keeps a null end.
 */
export function inferTermEnd(rows: ParsedTimelineRow[], facts: TermFacts, context: DateContext): { rows: ParsedTimelineRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const zone = context.timeZone;
  const day = (instant: DateTime) => instant.minus({ milliseconds: 1 }).toFormat("LLLL d, yyyy");
  const resolved = rows.map((row) => {
    if (!closesTerm(row)) return row;
    const inferred = endOf(row, rows, facts, context);
    if (!inferred) return row;
    const end = inferred.end.setZone(zone);
    findings.push(finding("inferred-term-end", row.line, `"${row.text}": the term's end cannot be read; it is taken as ${day(end)} (${inferred.reason})`));
    return { ...row, end: end.toUTC().toISO() };
  });
  return { rows: resolved, findings };
}

type Inferred = { end: DateTime; reason: string } | null;

function endOf(row: ParsedTimelineRow, rows: ParsedTimelineRow[], facts: TermFacts, context: DateContext): Inferred {
  const zone = context.timeZone;
  const start = row.start ? DateTime.fromISO(row.start, { zone }) : null;
  const monthEnd = (at: { year: number; month: number }) => DateTime.fromObject({ year: at.year, month: at.month, day: 1 }, { zone }).plus({ months: 1 });
  const sources: (() => Inferred)[] = [
    () => {
      const named = overflowingEndMonth(row.text, context);
      return named ? { end: monthEnd(named), reason: "the last day of the month it names" } : null;
    },
    () => {
      const latest = rows
        .filter((other) => other !== row && other.end !== null)
        .map((other) => ({ other, end: DateTime.fromISO(other.end ?? "", { zone }) }))
        .sort((a, b) => b.end.toMillis() - a.end.toMillis())[0];
      return latest ? { end: latest.end, reason: `the last date of the other phases, "${latest.other.activity}"` } : null;
    },
    () => {
      const begins = start ?? startOfMentorship(rows, zone);
      const length = lengthOf(facts.duration);
      if (!begins || !length) return null;
      const span = "weeks" in length ? `${length.weeks} weeks` : `${length.months} months`;
      return { end: begins.plus(length), reason: `${span} from ${begins.toFormat("LLLL d, yyyy")}, as the duration says` };
    },
    () => {
      const titled = titleMonth(facts.title);
      return titled ? { end: monthEnd(titled), reason: "the end of the title's last month" } : null;
    },
  ];
  // An end that comes before the row's own start says nothing about it ("March 5 - February 30").
  for (const source of sources) {
    const inferred = source();
    if (inferred && (start === null || inferred.end > start)) return inferred;
  }
  return null;
}

function startOfMentorship(rows: ParsedTimelineRow[], zone: string): DateTime | null {
  const start = rows.find((row) => row.kind === "start" && row.start !== null)?.start;
  return start ? DateTime.fromISO(start, { zone }) : null;
}
