/** What a zone abbreviation says: the zone it belongs to and, for daylight-saving pairs, its UTC offset. */
export interface ZoneAbbreviation {
  zone: string;
  /** Minutes east of UTC the abbreviation stands for, or null for generic names (PT, ET). */
  offset: number | null;
}

/** Abbreviations the pages use (and their common neighbours), upper-case keys. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneAbbreviation>> = {
  UTC: { zone: "UTC", offset: 0 },
  GMT: { zone: "UTC", offset: 0 },
  Z: { zone: "UTC", offset: 0 },
  PST: { zone: "America/Los_Angeles", offset: -480 },
  PDT: { zone: "America/Los_Angeles", offset: -420 },
  PT: { zone: "America/Los_Angeles", offset: null },
  MST: { zone: "America/Denver", offset: -420 },
  MDT: { zone: "America/Denver", offset: -360 },
  MT: { zone: "America/Denver", offset: null },
  CST: { zone: "America/Chicago", offset: -360 },
  CDT: { zone: "America/Chicago", offset: -300 },
  CT: { zone: "America/Chicago", offset: null },
  EST: { zone: "America/New_York", offset: -300 },
  EDT: { zone: "America/New_York", offset: -240 },
  ET: { zone: "America/New_York", offset: null },
  BST: { zone: "Europe/London", offset: 60 },
  CET: { zone: "Europe/Paris", offset: 60 },
  CEST: { zone: "Europe/Paris", offset: 120 },
  IST: { zone: "Asia/Kolkata", offset: 330 },
  JST: { zone: "Asia/Tokyo", offset: 540 },
  AEST: { zone: "Australia/Sydney", offset: 600 },
  AEDT: { zone: "Australia/Sydney", offset: 660 },
};

/** Writes an offset in minutes as "UTC-7" or "UTC+5:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}
