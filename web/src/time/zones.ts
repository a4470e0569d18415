/** The viewer's own IANA time zone, as the browser resolves it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const abbreviationCache = new Map<string, Intl.DateTimeFormat>();

function shortZoneName(date: Date, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let format = abbreviationCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    abbreviationCache.set(key, format);
  }
  return format.formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/**
 * The zone's abbreviation at that instant ("PDT", "CEST"), or its offset ("UTC+5:30") where
 * no abbreviation is in common use. American zones have letters only in en-US and European
 * ones only in en-GB, so both are asked; the offset is the honest fallback.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  for (const locale of ["en-US", "en-GB"]) {
    const name = shortZoneName(date, timeZone, locale);
    if (/^[A-Z]{2,5}$/.test(name) && name !== "GMT") return name;
  }
  const offset = shortZoneName(date, timeZone, "en-US").replace(/^GMT/, "");
  return offset ? `UTC${offset}` : "UTC";
}

/** A zone's name as a person reads it, e.g. "America/Los_Angeles" becomes "Los Angeles time (America/Los_Angeles)". */
export function describeZone(timeZone: string): string {
  const city = timeZone.split("/").pop()?.replace(/_/g, " ") ?? timeZone;
  return timeZone.includes("/") ? `${city} time (${timeZone})` : timeZone;
}

/** True when two zones show the same wall-clock time at that instant, so one of them is enough. */
export function sameWallClock(date: Date, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(date);
  return format(zoneA) === format(zoneB) && zoneAbbreviation(date, zoneA) === zoneAbbreviation(date, zoneB);
}
