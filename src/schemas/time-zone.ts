import { z } from "zod";
import { canonicalTimeZone } from "../domain/time-zones.ts";

/** An IANA time zone such as America/Los_Angeles, kept as the zone database spells it. */
export const TimeZoneName = z
  .string()
  .trim()
  .max(64, "must be at most 64 characters")
  .refine((zone) => canonicalTimeZone(zone) !== null, {
    message: "must be an IANA time zone such as America/Los_Angeles or Europe/Berlin",
    params: { code: "unknown_time_zone" },
  })
  .overwrite((zone) => canonicalTimeZone(zone) ?? zone)
  .describe("An IANA time zone, e.g. America/Los_Angeles.");
