import { viewerTimeZone } from "./zones.ts";

/** True when the browser knows `timeZone` as an IANA zone ("America/Los_Angeles", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA time zone the browser knows, sorted, with `extra` (a stored zone it may not list) included. */
export function timeZoneChoices(extra: string | null): string[] {
  const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  zones.add("UTC");
  zones.add(viewerTimeZone());
  if (extra && isTimeZone(extra)) zones.add(extra);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
