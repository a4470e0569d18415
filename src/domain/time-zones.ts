import { IANAZone } from "luxon";

/**
 * The zone's name as the zone database spells it ("europe/berlin" → "Europe/Berlin"), or null
 * when it names no IANA zone. Offsets such as "+01:00" are refused: a program or term follows
 * a place's rules, daylight saving time included. A correctly spelt name is kept as it is, so
 * Asia/Kolkata does not become the older Asia/Calcutta that some Intl versions prefer.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!IANAZone.isValidZone(zone)) return null;
  // luxon keeps the spelling it was given; Intl answers the database's own, sometimes an older alias.
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved === zone || resolved.toLowerCase() !== zone.toLowerCase()) return listedSpelling(zone) ?? zone;
  return resolved;
}

function listedSpelling(zone: string): string | undefined {
  const lower = zone.toLowerCase();
  return Intl.supportedValuesOf("timeZone").find((listed) => listed.toLowerCase() === lower);
}
