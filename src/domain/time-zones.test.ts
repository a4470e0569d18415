import { describe, expect, it } from "vitest";
import { canonicalTimeZone } from "./time-zones.ts";

describe("canonicalTimeZone", () => {
  it("keeps an IANA zone and fixes its letter case", () => {
    expect(canonicalTimeZone("America/Los_Angeles")).toBe("America/Los_Angeles");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    // A current name is never swapped for an older alias that some Intl versions prefer.
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kyiv")).toBe("Europe/Kyiv");
  });

  it("refuses what names no zone, offsets included", () => {
    for (const zone of ["Mars/Olympus_Mons", "", "+01:00", "Z", "Europe/Berlin "]) expect(canonicalTimeZone(zone)).toBeNull();
  });
});
