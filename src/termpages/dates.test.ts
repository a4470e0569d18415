import { describe, expect, it } from "vitest";
import { parseDateRange } from "./dates.ts";

const LA = { timeZone: "America/Los_Angeles", year: 2024 };

describe("parseDateRange", () => {
  it("reads a deadline in PDT as its UTC instant (SPEC: Tues May 28, 5:00 PM PDT closes at 2024-05-29T00:00:00Z)", () => {
    const range = parseDateRange("Monday May 13 - Tues May 28, 5:00 PM PDT", LA);
    expect(range).toEqual({ start: "2024-05-13T07:00:00.000Z", end: "2024-05-29T00:00:00.000Z", problems: [] });
  });

  it("gives the range's year and time to its end only; the start is the start of its day", () => {
    const range = parseDateRange("Monday April 8 - Wed May 8, 2024, 5:00 PM PDT", { ...LA, year: null });
    expect(range.start).toBe("2024-04-08T07:00:00.000Z");
    expect(range.end).toBe("2024-05-09T00:00:00.000Z");
  });

  it("ends a day without a time at the next midnight in the term zone (exclusive)", () => {
    expect(parseDateRange("Friday Aug 30", LA)).toEqual({ start: "2024-08-30T07:00:00.000Z", end: "2024-08-31T07:00:00.000Z", problems: [] });
    // In winter the same wall-clock midnight is an hour later in UTC: the zone database decides.
    expect(parseDateRange("Friday, May 31", LA).end).toBe("2024-06-01T07:00:00.000Z");
    expect(parseDateRange("Tuesday, January 9", LA).start).toBe("2024-01-09T08:00:00.000Z");
  });

  it("gives a single moment as both start and end", () => {
    expect(parseDateRange("Wed June 12, 5:00 PM PDT", LA)).toMatchObject({ start: "2024-06-13T00:00:00.000Z", end: "2024-06-13T00:00:00.000Z" });
  });

  it("reports PST for a date in August and uses the zone database's reading (PDT)", () => {
    const range = parseDateRange("Wed Aug 28, 5:00 PM PST (Week 12)", LA);
    expect(range.start).toBe("2024-08-29T00:00:00.000Z");
    expect(range.problems).toHaveLength(1);
    expect(range.problems[0]?.rule).toBe("wrong-zone-abbreviation");
    expect(range.problems[0]?.message).toMatch(/PST \(UTC-8\) does not apply on Aug 28, 2024.*PDT \(UTC-7\)/);
  });

  it("reports PDT in January and reads it as PST", () => {
    const range = parseDateRange("Monday Jan 8 - Wednesday Jan 24, 8:00 AM PDT", LA);
    expect(range.end).toBe("2024-01-24T16:00:00.000Z");
    expect(range.problems.map((problem) => problem.rule)).toEqual(["wrong-zone-abbreviation"]);
  });

  it("accepts an abbreviation that agrees with the date, and UTC whatever the season", () => {
    expect(parseDateRange("Tuesday February 18, 2025 11AM PST (19:00 UTC)", LA)).toMatchObject({ end: "2025-02-18T19:00:00.000Z", problems: [] });
    expect(parseDateRange("Tue, Jul 21, 2026, 11:00 AM PDT (18:00 UTC)", LA)).toMatchObject({ end: "2026-07-21T18:00:00.000Z", problems: [] });
    expect(parseDateRange("Mon, Aug 3, 00:00 UTC – Tue, Aug 18, 23:59 UTC", { ...LA, year: 2026 })).toEqual({
      start: "2026-08-03T00:00:00.000Z",
      end: "2026-08-18T23:59:00.000Z",
      problems: [],
    });
  });

  it("applies a zone stated once to the whole range", () => {
    expect(parseDateRange("Wed, Jul 1 – Tue, Jul 28, 18:00 UTC", { ...LA, year: 2026 })).toMatchObject({
      start: "2026-07-01T00:00:00.000Z",
      end: "2026-07-28T18:00:00.000Z",
    });
  });

  it("reports November 31st as unreadable and leaves that end null, never guessing", () => {
    const range = parseDateRange("September 1st - November 31st", { ...LA, year: 2021 });
    expect(range.start).toBe("2021-09-01T07:00:00.000Z");
    expect(range.end).toBeNull();
    expect(range.problems).toEqual([{ rule: "unreadable-date", message: expect.stringContaining("November 31st") }]);
    expect(parseDateRange("November 31st", { ...LA, year: 2021 })).toMatchObject({ start: null, end: null });
  });

  it("reads ordinals, abbreviated and odd weekday spellings", () => {
    expect(parseDateRange("May 8th", LA).start).toBe("2024-05-08T07:00:00.000Z");
    expect(parseDateRange("Jan 20th - Jan 31st (1.5 weeks)", { ...LA, year: 2021 })).toMatchObject({
      start: "2021-01-20T08:00:00.000Z",
      end: "2021-02-01T08:00:00.000Z",
      problems: [],
    });
    expect(parseDateRange("Thurs Feb 29, 5:00 PM PST", LA)).toMatchObject({ start: "2024-03-01T01:00:00.000Z", problems: [] });
    expect(parseDateRange("Thur June 1 (Week 1)", { ...LA, year: 2023 }).problems).toEqual([]);
    expect(parseDateRange("Mon Sept 4 (Week 1)", { ...LA, year: 2023 }).start).toBe("2023-09-04T07:00:00.000Z");
  });

  it("takes a missing month from the other end of the range ('Wed Aug 2 - Tues 15', 'January 16 - 31')", () => {
    expect(parseDateRange("Wed Aug 2 - Tues 15, 5:00 PM PDT", { ...LA, year: 2023 })).toEqual({
      start: "2023-08-02T07:00:00.000Z",
      end: "2023-08-16T00:00:00.000Z",
      problems: [],
    });
    expect(parseDateRange("January 16 - 31", { ...LA, year: 2023 }).end).toBe("2023-02-01T08:00:00.000Z");
  });

  it("infers missing years from the context, and crosses New Year in a range", () => {
    expect(parseDateRange("September 21 - September 28 (1 week)", { ...LA, year: 2020 }).start).toBe("2020-09-21T07:00:00.000Z");
    expect(parseDateRange("December 16 - March 16 2020", { ...LA, year: null })).toMatchObject({
      start: "2019-12-16T08:00:00.000Z",
      end: "2020-03-17T07:00:00.000Z",
    });
    expect(parseDateRange("May 4", { ...LA, year: null })).toMatchObject({
      start: null,
      problems: [{ rule: "unreadable-date", message: expect.stringContaining("no year") }],
    });
  });

  it("reports a weekday that is not the date's", () => {
    const range = parseDateRange("Monday May 14, 2024", LA);
    expect(range.start).toBe("2024-05-14T07:00:00.000Z");
    expect(range.problems).toEqual([{ rule: "weekday-mismatch", message: expect.stringMatching(/May 14, 2024 is a Tuesday, not a Monday/) }]);
  });

  it("uses the term's zone option", () => {
    expect(parseDateRange("June 3, 2025", { timeZone: "Europe/Berlin", year: null }).start).toBe("2025-06-02T22:00:00.000Z");
  });

  it("says when there is no date at all", () => {
    expect(parseDateRange("TBD", LA)).toMatchObject({ start: null, end: null, problems: [{ rule: "unreadable-date" }] });
  });
});
