import { IANAZone } from "luxon";
import { formatDateTime } from "./format-date.ts";
import { isTimeZone } from "./time-zones.ts";
import { zoneAbbreviation } from "./zones.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * What a wall-clock time typed for a zone names: nothing yet, a malformed value, one instant, a
 * time the zone skips (spring forward), or one it passes twice (fall back), with both instants.
 */
export type LocalTime =
  | { state: "empty" }
  | { state: "invalid" }
  | { state: "instant"; instant: Date }
  | { state: "gap"; gapStart: string; gapEnd: string }
  | { state: "ambiguous"; earlier: Date; later: Date };

/** The wall-clock time `local` (2026-03-08T02:30) read as if it were UTC, in milliseconds, or null when malformed. */
function wallClockMs(local: string): number | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over to March: such a date is malformed, not a later one.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return ms;
}

/** A wall-clock time of the day, "02:00", from milliseconds read as UTC. */
function clockOf(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(11, 16);
}

/** The instant where the zone's offset changes between two instants that straddle one change, to the minute. */
function transitionBetween(zone: IANAZone, low: number, high: number): number {
  const before = zone.offset(low);
  let [from, to] = [low, high];
  while (to - from > MINUTE) {
    const middle = from + Math.floor((to - from) / 2 / MINUTE) * MINUTE;
    if (zone.offset(middle) === before) from = middle;
    else to = middle;
  }
  return to;
}

/**
 * Reads a local date and time in a zone as the server will: the zone database decides, so a time
 * that clocks skip is refused and one they pass twice needs a choice. Offsets a day either side
 * are the candidates; each is kept only if the zone really has that offset at the instant it gives.
 */
export function resolveLocalTime(local: string, timeZone: string): LocalTime {
  if (local === "") return { state: "empty" };
  const wall = wallClockMs(local);
  if (wall === null || !isTimeZone(timeZone)) return { state: "invalid" };
  const zone = IANAZone.create(timeZone);
  const offsets = new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)]);
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => zone.offset(instant) * MINUTE === wall - instant)
    .sort((a, b) => a - b);
  const [first, second] = instants;
  if (first !== undefined && second !== undefined && first !== second) return { state: "ambiguous", earlier: new Date(first), later: new Date(second) };
  if (first !== undefined) return { state: "instant", instant: new Date(first) };
  // Skipped: the offset before the change and after it frame the missing wall-clock times.
  const before = zone.offset(wall - DAY);
  const change = transitionBetween(zone, wall - DAY - before * MINUTE, wall + DAY - zone.offset(wall + DAY) * MINUTE);
  return { state: "gap", gapStart: clockOf(change + zone.offset(change - MINUTE) * MINUTE), gapEnd: clockOf(change + zone.offset(change) * MINUTE) };
}

/** Why a skipped time is refused, in words: "Clocks go from 02:00 to 03:00 that night in America/Los_Angeles, so 02:30 does not exist there." */
export function gapMessage(local: string, timeZone: string, gap: { gapStart: string; gapEnd: string }): string {
  return `Clocks go from ${gap.gapStart} to ${gap.gapEnd} that night in ${timeZone}, so ${local.slice(11)} does not exist there. Choose another time.`;
}

/** One of the two instants of a time a zone passes twice, as its choice reads: "01:30 PDT (08:30 UTC)". */
export function foldChoiceLabel(instant: Date, timeZone: string): string {
  const local = formatDateTime(instant, timeZone, { withoutZone: true }).split(", ").pop() ?? "";
  const utc = formatDateTime(instant, "UTC", { withoutZone: true }).split(", ").pop() ?? "";
  return `${local} ${zoneAbbreviation(instant, timeZone)} (${utc} UTC)`;
}
