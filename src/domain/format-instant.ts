import { DateTime } from "luxon";

/**
 * An instant as a person reads it in a zone: "Tue 28 May 2024 at 17:00 PDT". The zone
 * abbreviation comes from the zone database for that very instant, so DST is never hand-made.
 */
export function formatInstant(instant: Date | string, timeZone: string): string {
  const dateTime = toDateTime(instant).setZone(timeZone);
  return `${dateTime.toFormat("ccc d LLL yyyy")} at ${dateTime.toFormat("HH:mm")} ${zoneAbbreviation(dateTime)}`;
}

/** The time of day alone with its zone, for a second zone beside a full date: "00:00 UTC". */
export function formatTimeOfDay(instant: Date | string, timeZone: string): string {
  const dateTime = toDateTime(instant).setZone(timeZone);
  return `${dateTime.toFormat("HH:mm")} ${zoneAbbreviation(dateTime)}`;
}

/**
 * An instant for a reader whose own zone is unknown (an API message, a calendar feed): the
 * term's zone with UTC beside it, "Tue 28 May 2024 at 17:00 PDT (00:00 UTC)". Pages know the
 * viewer's zone and put it first instead.
 */
export function formatInstantAndUtc(instant: Date | string, timeZone: string): string {
  return `${formatInstant(instant, timeZone)} (${formatTimeOfDay(instant, "UTC")})`;
}

/** The instant as an ISO 8601 string in UTC with milliseconds: the one form Cohort stores. */
export function toIsoInstant(instant: Date | string): string {
  return toDateTime(instant).toUTC().toISO() ?? "";
}

function toDateTime(instant: Date | string): DateTime {
  return typeof instant === "string" ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
}

/** The zone's letters at that instant (PDT), or its offset (UTC+05:30) where the zone database has no letters. */
export function zoneAbbreviation(dateTime: DateTime): string {
  if (dateTime.zoneName === "UTC" || dateTime.zoneName === "Etc/UTC") return "UTC";
  const short = shortZoneName(dateTime);
  // Some zones have no letters in the database (e.g. "GMT+5:30"); the offset is then clearer.
  return /^[A-Z]{2,5}$/.test(short) ? short : `UTC${dateTime.toFormat("ZZ")}`;
}

const zoneNames = new Map<string, string>();

/**
 * The zone's short name at that instant, as luxon's "ZZZZ" gives it, remembered per zone, locale,
 * year and offset (the only things the letters depend on): luxon builds a new Intl formatter on
 * every call, which cost a submission in a surge as much as rendering its cover letter. Asking
 * luxon itself the first time keeps the letters exactly its own, in Node and in every browser.
 */
function shortZoneName(dateTime: DateTime): string {
  const key = `${dateTime.locale ?? ""} ${dateTime.zoneName ?? ""} ${dateTime.year} ${dateTime.offset}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    name = dateTime.toFormat("ZZZZ");
    if (zoneNames.size >= 10_000) zoneNames.clear();
    zoneNames.set(key, name);
  }
  return name;
}
