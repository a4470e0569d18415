import { formatInstant } from "../domain/format-instant.ts";

/**
 * An instant as an email tells it: in the reader's own zone, and in the term's beside it when
 * they differ ("Sun 8 Mar 2026 at 02:00 UTC+01:00 (Sat 7 Mar 2026 at 17:00 PST in the term's
 * time zone)"); in the term's alone when the reader gave no zone.
 */
export function instantForReader(instant: Date, zones: { readerTimeZone: string | null; termTimeZone: string }): string {
  const termTime = formatInstant(instant, zones.termTimeZone);
  if (!zones.readerTimeZone || zones.readerTimeZone === zones.termTimeZone) return termTime;
  return `${formatInstant(instant, zones.readerTimeZone)} (${termTime} in the term's time zone)`;
}
