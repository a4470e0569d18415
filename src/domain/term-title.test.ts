import { describe, expect, it } from "vitest";
import { termDisplayTitle } from "./term-title.ts";
import { phasesInDateOrder, type TimelinePhase } from "./timeline.ts";

const LA = "America/Los_Angeles";
const phase = (kind: TimelinePhase["kind"], activity: string, start: string | null, end: string | null): TimelinePhase => ({
  kind,
  activity,
  text: activity,
  startsAt: start ? new Date(start) : null,
  endsAt: end ? new Date(end) : null,
});

// Q1 of 2022 as its page has it: the term's span first, then the phases in the order they happen.
const q1: TimelinePhase[] = [
  phase(null, "Spring Term", "2022-03-01T08:00:00Z", "2022-06-01T07:00:00Z"),
  phase("proposals", "project proposals", "2022-01-10T08:00:00Z", "2022-01-28T08:00:00Z"),
  phase("applications", "mentees applications open", "2022-02-02T08:00:00Z", "2022-02-14T08:00:00Z"),
  phase(null, "Mentorship Kick Off Call", null, null),
  phase("start", "Mentorship program begins", "2022-03-01T08:00:00Z", "2022-03-02T08:00:00Z"),
];

describe("a term whose title has no year", () => {
  it("is shown with the year and months of its mentorship", () => {
    expect(termDisplayTitle("Q1", { timeZone: LA, phases: q1 })).toBe("Q1 2022 (March – May)");
  });

  it("names both years when the mentorship runs into the next", () => {
    const winter = [
      phase("start", "begins", "2021-12-01T08:00:00Z", "2021-12-02T08:00:00Z"),
      phase("end", "last day", "2022-02-27T08:00:00Z", "2022-02-28T08:00:00Z"),
    ];
    expect(termDisplayTitle("Winter", { timeZone: LA, phases: winter })).toBe("Winter (December 2021 – February 2022)");
  });

  it("keeps a title that has a year, and one with no dates to read, as written", () => {
    expect(termDisplayTitle("Q3 - Fall'2021", { timeZone: LA, phases: q1 })).toBe("Q3 - Fall'2021");
    expect(termDisplayTitle("Term 02 - 2024 June - August", { timeZone: LA, phases: q1 })).toBe("Term 02 - 2024 June - August");
    expect(termDisplayTitle("Q1", { timeZone: LA, phases: [] })).toBe("Q1");
  });
});

describe("a timeline", () => {
  it("is listed in the order of its dates; an undated row stays after the row it follows on the page", () => {
    expect(phasesInDateOrder(q1).map((row) => row.activity)).toEqual([
      "project proposals",
      "mentees applications open",
      "Mentorship Kick Off Call",
      "Mentorship program begins",
      "Spring Term",
    ]);
    // The stored order is the page's.
    expect(q1[0]?.activity).toBe("Spring Term");
  });
});
