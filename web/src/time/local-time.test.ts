import { describe, expect, it } from "vitest";
import { foldChoiceLabel, resolveLocalTime } from "./local-time.ts";

const LA = "America/Los_Angeles";

describe("a local time typed for a term's zone", () => {
  it("names one instant on an ordinary day, in and out of daylight time", () => {
    expect(resolveLocalTime("2026-02-04T17:00", LA)).toEqual({ state: "instant", instant: new Date("2026-02-05T01:00:00.000Z") });
    expect(resolveLocalTime("2026-05-28T17:00", LA)).toEqual({ state: "instant", instant: new Date("2026-05-29T00:00:00.000Z") });
    expect(resolveLocalTime("2026-05-28T17:00", "Asia/Kolkata")).toEqual({ state: "instant", instant: new Date("2026-05-28T11:30:00.000Z") });
  });

  it("refuses the hour clocks skip in spring in the server's words", () => {
    expect(resolveLocalTime("2026-03-08T02:30", LA)).toEqual({
      state: "gap",
      message: "2:30 AM does not exist on Sun 8 Mar 2026 in America/Los_Angeles: clocks jump from 2:00 to 3:00 PDT; choose 3:00 or later",
    });
    // The minutes either side exist.
    expect(resolveLocalTime("2026-03-08T01:59", LA).state).toBe("instant");
    expect(resolveLocalTime("2026-03-08T03:00", LA)).toEqual({ state: "instant", instant: new Date("2026-03-08T10:00:00.000Z") });
  });

  it("gives both instants of the hour clocks pass twice in autumn, daylight time first, worded as the server offers them", () => {
    const twice = resolveLocalTime("2026-11-01T01:30", LA);
    expect(twice).toMatchObject({ state: "ambiguous", earlier: new Date("2026-11-01T08:30:00.000Z"), later: new Date("2026-11-01T09:30:00.000Z") });
    if (twice.state !== "ambiguous") throw new Error("not ambiguous");
    expect(foldChoiceLabel(twice.earlier, LA)).toBe("1:30 AM PDT (08:30 UTC)");
    expect(foldChoiceLabel(twice.later, LA)).toBe("1:30 AM PST (09:30 UTC)");
    expect(twice.message).toContain(`${foldChoiceLabel(twice.earlier, LA)} or ${foldChoiceLabel(twice.later, LA)}`);
  });

  it("tells an empty field from a malformed value or an unknown zone", () => {
    expect(resolveLocalTime("", LA)).toEqual({ state: "empty" });
    expect(resolveLocalTime("2026-02-31T10:00", LA)).toEqual({ state: "invalid" });
    expect(resolveLocalTime("2026-02-04 17:00", LA)).toEqual({ state: "invalid" });
    expect(resolveLocalTime("2026-02-04T17:00", "Mars/Base")).toEqual({ state: "invalid" });
  });
});
