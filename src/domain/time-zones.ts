import { IANAZone } from "luxon";

/**
 * The zone's name as the zone database spells it ("europe/berlin" → "Europe/Berlin"), or null
 * when it names no IANA zone. Offsets such as "+01:00" are refused: a program or term follows
 * a place's rules, daylight saving time included.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!IANAZone.isValidZone(zone)) return null;
  // luxon keeps the spelling it was given; Intl answers the database's own.
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}
