import { describe, expect, it } from "vitest";
import { parseDateRange } from "../termpages/dates.ts";
import { readLocalTime, readTimeline, shiftByWeeks, type TimelineRowInput, timelineText } from "./timeline-input.ts";

const LA = "America/Los_Angeles";

function row(kind: TimelineRowInput["kind"], startsLocal: string | null, endsLocal: string | null, extra: Partial<TimelineRowInput> = {}): TimelineRowInput {
  return { kind, activity: kind ?? "Community call", startsLocal, endsLocal, ...extra };
}

describe("a local time in the term's zone", () => {
  it("refuses a time in the spring-forward gap and says which times exist", () => {
    expect(readLocalTime("2026-03-08T02:30", LA)).toEqual({
      ok: false,
      code: "nonexistent_local_time",
      detail: "2:30 AM does not exist on Sun 8 Mar 2026 in America/Los_Angeles: clocks jump from 2:00 to 3:00 PDT; choose 3:00 or later",
    });
  });

  it("asks which of the two instants an autumn fall-back time means, and takes the one chosen", () => {
    const reading = readLocalTime("2026-11-01T01:30", LA);
    expect(reading).toMatchObject({ ok: false, code: "ambiguous_local_time" });
    expect(reading.ok ? "" : reading.detail).toContain("1:30 AM PDT (08:30 UTC) or 1:30 AM PST (09:30 UTC)");
    const earlier = readLocalTime("2026-11-01T01:30", LA, "earlier");
    const later = readLocalTime("2026-11-01T01:30", LA, "later");
    expect(earlier.ok && earlier.instant.toUTC().toISO()).toBe("2026-11-01T08:30:00.000Z");
    expect(later.ok && later.instant.toUTC().toISO()).toBe("2026-11-01T09:30:00.000Z");
  });

  it("reads an ordinary time as its one instant and refuses a day the calendar does not have", () => {
    const reading = readLocalTime("2026-02-04T17:00", LA);
    expect(reading.ok && reading.instant.toUTC().toISO()).toBe("2026-02-05T01:00:00.000Z");
    expect(readLocalTime("2026-02-30T10:00", LA)).toMatchObject({ ok: false, code: "invalid_date" });
  });
});

describe("a timeline as an admin enters it", () => {
  it("names every row and field at fault, once each", () => {
    const reading = readTimeline(
      [
        row("proposals", "2026-03-08T02:30", "2026-11-01T01:30"),
        row("applications", "2026-02-10T00:00", "2026-02-01T00:00"),
        row("proposals", "2026-01-01T00:00", "2026-01-02T00:00"),
      ],
      LA,
    );
    expect(reading.ok ? [] : reading.errors.map(({ field, code }) => `${field} ${code}`)).toEqual([
      "timeline.0.startsLocal nonexistent_local_time",
      "timeline.0.endsLocal ambiguous_local_time",
      "timeline.1.endsLocal end_before_start",
      "timeline.2.kind duplicate_kind",
    ]);
  });

  it("refuses the phases out of their order and overlapping, naming the other row", () => {
    const reading = readTimeline(
      [
        row("applications", "2026-02-01T00:00", "2026-02-10T17:00", { activity: "Mentee applications" }),
        row("proposals", "2026-01-05T00:00", "2026-02-04T17:00", { activity: "Project proposals" }),
        row("review", "2026-01-01T00:00", "2026-01-02T00:00"),
        row(null, "2025-12-01T00:00", "2026-12-01T00:00"),
      ],
      LA,
    );
    expect(reading.ok ? [] : reading.errors).toEqual([
      {
        field: "timeline.0.startsLocal",
        code: "overlap",
        detail: 'starts at Sun 1 Feb 2026 00:00 PST, before "Project proposals" (row 2, proposals) ends at Wed 4 Feb 2026 17:00 PST',
      },
      {
        field: "timeline.2.startsLocal",
        code: "out_of_order",
        detail: 'the review phase must come after "Mentee applications" (row 1, applications), which starts at Sun 1 Feb 2026 00:00 PST',
      },
    ]);
  });

  it("reads phases in order, and free-worded rows anywhere, into instants and the words of a term page", () => {
    const reading = readTimeline(
      [
        row("proposals", "2026-01-05T09:00", "2026-02-04T17:00"),
        row(null, "2026-01-01T00:00", "2026-12-31T00:00"),
        row("applications", "2026-02-04T17:00", "2026-02-20T17:00"),
        row("notifications", null, "2026-03-03T17:00"),
      ],
      LA,
    );
    expect(reading).toMatchObject({
      ok: true,
      rows: [
        { startsAt: "2026-01-05T17:00:00.000Z", endsAt: "2026-02-05T01:00:00.000Z", text: "Mon Jan 5, 2026, 9:00 AM PST - Wed Feb 4, 2026, 5:00 PM PST" },
        {},
        {},
        { startsAt: null, endsAt: "2026-03-04T01:00:00.000Z", text: "Tue Mar 3, 2026, 5:00 PM PST" },
      ],
    });
  });

  it("refuses a zone the zone database does not know, on its own field", () => {
    expect(readTimeline([row("proposals", "2026-01-05T09:00", "2026-02-04T17:00")], "Mars/Olympus")).toMatchObject({
      ok: false,
      errors: [{ field: "timeZone", code: "unknown_time_zone" }],
    });
  });
});

describe("the words a term page gives a row", () => {
  const cases: Array<[string | null, string | null]> = [
    ["2026-02-02T17:00:00.000Z", "2026-02-11T01:00:00.000Z"],
    ["2026-02-02T08:00:00.000Z", "2026-02-11T01:00:00.000Z"],
    ["2026-06-17T07:00:00.000Z", "2026-06-18T07:00:00.000Z"],
    ["2026-06-17T07:00:00.000Z", "2026-06-20T07:00:00.000Z"],
    [null, "2026-06-12T00:00:00.000Z"],
    ["2026-12-20T08:00:00.000Z", "2027-01-05T01:00:00.000Z"],
  ];
  it.each(cases)("read back by the term-page reader to the same instants (%s to %s)", (startsAt, endsAt) => {
    const text = timelineText(startsAt, endsAt, LA);
    expect(parseDateRange(text, { timeZone: LA, year: null })).toEqual({ start: startsAt ?? endsAt, end: endsAt, problems: [] });
  });

  it("says a range as term pages do", () => {
    expect(timelineText("2026-02-02T08:00:00.000Z", "2026-02-11T01:00:00.000Z", LA)).toBe("Mon Feb 2 - Tue Feb 10, 2026, 5:00 PM PST");
  });
});

describe("a copy of a term weeks later", () => {
  it("keeps the wall-clock time across a change of daylight saving time", () => {
    // 17:00 PST in February is 17:00 PDT eight weeks later: one hour earlier in UTC.
    expect(shiftByWeeks("2026-02-05T01:00:00.000Z", 8, LA)).toBe("2026-04-02T00:00:00.000Z");
  });
});
