import { viewerTimeZone } from "../../time/zones.ts";

/** Every IANA time zone the browser knows, sorted, with `extra` (a stored zone it may not list) included. */
export function timeZoneChoices(extra: string | null): string[] {
  const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  zones.add("UTC");
  zones.add(viewerTimeZone());
  if (extra) zones.add(extra);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
