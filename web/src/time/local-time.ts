import { DateTime } from "luxon";
import { readLocalTime } from "../../../src/domain/timeline-input.ts";
import { isTimeZone } from "./time-zones.ts";

/**
 * What a wall-clock time typed for a zone names: nothing yet, a malformed value, one instant, a
 * time the zone skips (spring forward) with the server's words for why, or one it passes twice
 * (fall back) with both instants.
 */
export type LocalTime =
  | { state: "empty" }
  | { state: "invalid" }
  | { state: "instant"; instant: Date }
  | { state: "gap"; message: string }
  | { state: "ambiguous"; earlier: Date; later: Date; message: string };

/**
 * Reads a local date and time in a zone with the server's own reading (src/domain/timeline-input.ts),
 * so the form says at once, in the same words, what the server would refuse.
 */
export function resolveLocalTime(local: string, timeZone: string): LocalTime {
  if (local === "") return { state: "empty" };
  if (!isTimeZone(timeZone)) return { state: "invalid" };
  const reading = readLocalTime(local, timeZone);
  if (reading.ok) return { state: "instant", instant: reading.instant.toJSDate() };
  if (reading.code === "nonexistent_local_time") return { state: "gap", message: reading.detail };
  const earlier = readLocalTime(local, timeZone, "earlier");
  const later = readLocalTime(local, timeZone, "later");
  if (reading.code !== "ambiguous_local_time" || !earlier.ok || !later.ok) return { state: "invalid" };
  return { state: "ambiguous", earlier: earlier.instant.toJSDate(), later: later.instant.toJSDate(), message: reading.detail };
}

/** One of the two instants of a time a zone passes twice, as the server words its choices: "1:30 AM PDT (08:30 UTC)". */
export function foldChoiceLabel(instant: Date, timeZone: string): string {
  const inZone = DateTime.fromJSDate(instant, { zone: timeZone });
  const letters = inZone.toFormat("ZZZZ");
  const zone = /^[A-Z]{2,5}$/.test(letters) ? letters : `UTC${inZone.toFormat("ZZ")}`;
  return `${inZone.toFormat("h:mm a")} ${zone} (${inZone.toUTC().toFormat("HH:mm")} UTC)`;
}
