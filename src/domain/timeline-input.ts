import { DateTime, IANAZone } from "luxon";
import type { FieldError } from "../errors/app-error.ts";
import { zoneAbbreviation } from "./format-instant.ts";
import { type PhaseKind, phaseOrder } from "./phases.ts";
import { canonicalTimeZone } from "./time-zones.ts";

// A term made in Cohort has its timeline entered as wall-clock times in the term's zone. This
// module turns them into instants (refusing the hour a zone skips, asking which of the hour it
// repeats), checks the rows against the lifecycle, and writes each row's text the way term
// pages do, so the term page writer and the public timeline read it like an imported one.

/** Which of the two instants of a repeated local time a row means (see schemas/term-setup.ts). */
export type Fold = "earlier" | "later";

/** One timeline row as an admin enters it. */
export interface TimelineRowInput {
  kind: PhaseKind | null;
  activity: string;
  startsLocal: string | null;
  endsLocal: string | null;
  startsFold?: Fold | undefined;
  endsFold?: Fold | undefined;
}

/** One timeline row resolved to instants, with the text a term page would give it. */
export interface ResolvedTimelineRow {
  kind: PhaseKind | null;
  activity: string;
  text: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** What a local time means in a zone: one instant, or why it names none or two. */
export type LocalTimeReading =
  | { ok: true; instant: DateTime }
  | { ok: false; code: "invalid_date" | "nonexistent_local_time" | "ambiguous_local_time"; detail: string };

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The problem of a zone the database does not know, on the `timeZone` field. */
export function unknownTimeZone(timeZone: string): FieldError {
  return { field: "timeZone", code: "unknown_time_zone", detail: `"${timeZone}" is not an IANA time zone such as America/Los_Angeles or Europe/Berlin` };
}

/** True when the zone database knows `timeZone` (an IANA name such as America/Los_Angeles), in any letter case. */
export function isKnownTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

/**
 * The instant a wall-clock time (`2026-02-04T17:00`) names in a zone. A time the zone skips
 * (spring forward) names none; a time it repeats (fall back) names two, and `fold` picks one.
 */
export function readLocalTime(local: string, timeZone: string, fold?: Fold): LocalTimeReading {
  const match = LOCAL_PATTERN.exec(local);
  const [year, month, day, hour, minute] = (match?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return { ok: false, code: "invalid_date", detail: `"${local}" is not a local date and time like 2026-02-04T17:00` };
  }
  const wall = DateTime.fromObject({ year, month, day, hour, minute }, { zone: "UTC" });
  if (!wall.isValid || wall.day !== day || wall.hour !== hour) {
    return { ok: false, code: "invalid_date", detail: `${local.slice(0, 10)} at ${local.slice(11)} is not a date and time of the calendar` };
  }
  const zone = IANAZone.create(timeZone);
  const wallMs = wall.toMillis();
  // Every instant this wall time can name is the wall time minus an offset the zone uses around it.
  const offsets = new Set([zone.offset(wallMs - DAY_MS), zone.offset(wallMs), zone.offset(wallMs + DAY_MS)]);
  const candidates = [...offsets]
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((instant) => zone.offset(instant) * MINUTE_MS === wallMs - instant)
    .sort((a, b) => a - b);
  const [earlier, later] = candidates;
  if (earlier === undefined) return { ok: false, code: "nonexistent_local_time", detail: gapDetail(wall, wallMs, timeZone) };
  if (later === undefined) return { ok: true, instant: DateTime.fromMillis(earlier, { zone: timeZone }) };
  if (fold) return { ok: true, instant: DateTime.fromMillis(fold === "earlier" ? earlier : later, { zone: timeZone }) };
  const choice = (instant: number) => {
    const inZone = DateTime.fromMillis(instant, { zone: timeZone });
    return `${inZone.toFormat("h:mm a")} ${zoneAbbreviation(inZone)} (${inZone.toUTC().toFormat("HH:mm")} UTC)`;
  };
  return {
    ok: false,
    code: "ambiguous_local_time",
    detail: `${wall.toFormat("h:mm a")} happens twice on ${wall.toFormat("ccc d LLL yyyy")} in ${timeZone}: ${choice(earlier)} or ${choice(later)}; choose which`,
  };
}

/** Why a skipped wall time names no instant, with the first time that exists after the jump. */
function gapDetail(wall: DateTime, wallMs: number, timeZone: string): string {
  const zone = IANAZone.create(timeZone);
  // The jump lies within the day around the wall time: find its instant to the minute.
  let low = wallMs - DAY_MS;
  let high = wallMs + DAY_MS;
  const before = zone.offset(low);
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(middle) === before) low = middle;
    else high = middle;
  }
  const from = DateTime.fromMillis(high, { zone: `UTC${offsetSuffix(before)}` });
  const to = DateTime.fromMillis(high, { zone: timeZone });
  return (
    `${wall.toFormat("h:mm a")} does not exist on ${wall.toFormat("ccc d LLL yyyy")} in ${timeZone}: ` +
    `clocks jump from ${from.toFormat("H:mm")} to ${to.toFormat("H:mm")} ${zoneAbbreviation(to)}; choose ${to.toFormat("H:mm")} or later`
  );
}

function offsetSuffix(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${Math.floor(absolute / 60)}${absolute % 60 ? `:${String(absolute % 60).padStart(2, "0")}` : ""}`;
}

/** An instant as the wall-clock time the editor shows in the zone: `2026-02-04T17:00`. */
export function toLocalTime(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Which of two instants a repeated wall time means, or undefined when the time happens once. */
export function foldOf(instant: string, timeZone: string): Fold | undefined {
  const local = toLocalTime(instant, timeZone);
  const earlier = readLocalTime(local, timeZone, "earlier");
  const later = readLocalTime(local, timeZone, "later");
  if (!earlier.ok || !later.ok || earlier.instant.toMillis() === later.instant.toMillis()) return undefined;
  return DateTime.fromISO(instant).toMillis() === earlier.instant.toMillis() ? "earlier" : "later";
}

/**
 * A row's dates as term pages write them, so the term page writer and the importer read them
 * back to the same instants: "Mon Feb 2 - Tue Feb 10, 2026, 5:00 PM PST", "Mon Feb 2, 2026,
 * 9:00 AM PST - Tue Feb 10, 2026, 5:00 PM PST", "Wed Jun 17, 2026" (a whole day).
 */
export function timelineText(startsAt: string | null, endsAt: string | null, timeZone: string): string {
  const start = startsAt ? DateTime.fromISO(startsAt, { zone: timeZone }) : null;
  const end = endsAt ? DateTime.fromISO(endsAt, { zone: timeZone }) : null;
  const day = (at: DateTime) => at.toFormat("ccc LLL d, yyyy");
  const time = (at: DateTime) => `${at.toFormat("h:mm a")}${/^[A-Z]{2,5}$/.test(at.toFormat("ZZZZ")) ? ` ${at.toFormat("ZZZZ")}` : ""}`;
  const isMidnight = (at: DateTime) => at.hour === 0 && at.minute === 0;
  const moment = (at: DateTime) => `${day(at)}, ${time(at)}`;
  if (!start || !end) {
    const only = start ?? end;
    return only ? moment(only) : "";
  }
  if (start.toMillis() === end.toMillis()) return moment(start);
  if (isMidnight(start) && isMidnight(end)) {
    // Whole days: the end is the next midnight, so the last day is the one before it.
    const lastDay = end.minus({ days: 1 });
    return lastDay.hasSame(start, "day") ? day(start) : `${start.toFormat("ccc LLL d")} - ${day(lastDay)}`;
  }
  if (isMidnight(start)) return `${start.toFormat(start.hasSame(end, "year") ? "ccc LLL d" : "ccc LLL d, yyyy")} - ${moment(end)}`;
  return `${moment(start)} - ${moment(end)}`;
}

/** A set of timeline rows read into instants, or the problems of each row and field. */
export type TimelineReading = { ok: true; rows: ResolvedTimelineRow[] } | { ok: false; errors: FieldError[] };

/**
 * Reads an admin's timeline rows in the term's zone and checks them: every time exists and
 * means one instant, each row ends no earlier than it starts, a phase kind appears once, and
 * the phases of SPEC.md follow each other in their order without overlapping (free-worded rows,
 * with no kind, may fall anywhere). One message per row and field, named `timeline.N.field`;
 * a zone the database does not know is the one message, on `timeZone`.
 */
export function readTimeline(rows: readonly TimelineRowInput[], timeZone: string): TimelineReading {
  if (!isKnownTimeZone(timeZone)) return { ok: false, errors: [unknownTimeZone(timeZone)] };
  const errors = new Map<string, FieldError>();
  const blame = (field: string, code: string, detail: string) => {
    if (!errors.has(field)) errors.set(field, { field, code, detail });
  };
  const resolved: ResolvedTimelineRow[] = [];
  const windows: Array<{ index: number; kind: PhaseKind; start: number; end: number } | null> = [];
  const firstOfKind = new Map<PhaseKind, number>();

  rows.forEach((row, index) => {
    const at = (side: "startsLocal" | "endsLocal", fold: Fold | undefined): number | null => {
      const local = row[side];
      if (local === null) return null;
      const reading = readLocalTime(local, timeZone, fold);
      if (reading.ok) return reading.instant.toMillis();
      blame(`timeline.${index}.${side}`, reading.code, reading.detail);
      return null;
    };
    const start = at("startsLocal", row.startsFold);
    const end = at("endsLocal", row.endsFold);
    if (row.startsLocal === null && row.endsLocal === null) {
      blame(`timeline.${index}.endsLocal`, "required", "give the row a date: an end, or a start and an end");
    }
    if (start !== null && end !== null && end < start) {
      blame(`timeline.${index}.endsLocal`, "end_before_start", `ends at ${describe(end, timeZone)}, before it starts at ${describe(start, timeZone)}`);
    }
    if (row.kind !== null) {
      const first = firstOfKind.get(row.kind);
      if (first === undefined) firstOfKind.set(row.kind, index);
      else blame(`timeline.${index}.kind`, "duplicate_kind", `row ${first + 1} is the ${row.kind} phase already; a term has each phase once`);
    }
    const startsAt = start === null ? null : new Date(start).toISOString();
    const endsAt = end === null ? null : new Date(end).toISOString();
    resolved.push({ kind: row.kind, activity: row.activity.trim(), text: timelineText(startsAt, endsAt, timeZone), startsAt, endsAt });
    const window = start ?? end;
    windows.push(
      row.kind !== null && window !== null && firstOfKind.get(row.kind) === index ? { index, kind: row.kind, start: window, end: end ?? window } : null,
    );
  });

  // The gated phases in lifecycle order: each must start no earlier than the one before it ends.
  const phases = windows.filter((window) => window !== null).sort((a, b) => phaseOrder(a.kind) - phaseOrder(b.kind));
  for (let i = 1; i < phases.length; i += 1) {
    const previous = phases[i - 1];
    const current = phases[i];
    if (!previous || !current) continue;
    const name = `"${rows[previous.index]?.activity.trim()}" (row ${previous.index + 1}, ${previous.kind})`;
    if (current.start < previous.start) {
      blame(
        `timeline.${current.index}.startsLocal`,
        "out_of_order",
        `the ${current.kind} phase must come after ${name}, which starts at ${describe(previous.start, timeZone)}`,
      );
    } else if (current.start < previous.end) {
      blame(
        `timeline.${current.index}.startsLocal`,
        "overlap",
        `starts at ${describe(current.start, timeZone)}, before ${name} ends at ${describe(previous.end, timeZone)}`,
      );
    }
  }
  return errors.size > 0 ? { ok: false, errors: [...errors.values()] } : { ok: true, rows: resolved };
}

function describe(instant: number, timeZone: string): string {
  const at = DateTime.fromMillis(instant, { zone: timeZone });
  return `${at.toFormat("ccc d LLL yyyy HH:mm")} ${zoneAbbreviation(at)}`;
}

/** An instant moved by whole weeks at the same wall-clock time in the zone (a copy of a term a year on). */
export function shiftByWeeks(instant: string, weeks: number, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).plus({ weeks }).toUTC().toISO() ?? instant;
}
