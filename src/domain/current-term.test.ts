import { describe, expect, it } from "vitest";
import { pickCurrentTerm } from "./current-term.ts";
import { termStatusAt } from "./term-status.ts";
import type { TermTimeline, TimelinePhase } from "./timeline.ts";

const LA = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);
const phase = (kind: TimelinePhase["kind"], activity: string, start: string | null, end: string | null): TimelinePhase => ({
  kind,
  activity,
  text: activity,
  startsAt: start ? at(start) : null,
  endsAt: end ? at(end) : null,
});

// Q3 - Fall'2021 as its page reads now: the term's own span, its end taken from "November 31st" as November 30th.
const fall2021: TermTimeline = {
  title: "Q3 - Fall'2021",
  timeZone: LA,
  phases: [
    phase(null, "Fall Term", "2021-09-01T07:00:00Z", "2021-12-01T08:00:00Z"),
    phase(null, "mentorships available on LFX Mentorship", "2021-08-15T07:00:00Z", "2021-08-16T07:00:00Z"),
    phase("applications", "applications open", "2021-08-16T07:00:00Z", "2021-08-23T07:00:00Z"),
    phase("review", "application review/admission decisions/HR paperwork", "2021-08-23T07:00:00Z", "2021-09-01T07:00:00Z"),
  ],
};
const term2026: TermTimeline = {
  title: "Term 03 - 2026 September - November",
  timeZone: LA,
  phases: [
    phase("applications", "Mentee applications", "2026-08-03T00:00:00Z", "2026-08-18T23:59:00Z"),
    phase("end", "Last day of term", "2026-11-27T08:00:00Z", "2026-11-28T08:00:00Z"),
  ],
};
const undated: TermTimeline = { title: "2019", timeZone: LA, phases: [] };

describe("a term that ended years ago", () => {
  it("is in progress during its own span and complete once it is over, with no mentorship phase on its page", () => {
    expect(termStatusAt(fall2021, at("2021-08-30T00:00:00Z"))).toBe("in_review");
    expect(termStatusAt(fall2021, at("2021-09-01T07:00:00Z"))).toBe("in_progress");
    expect(termStatusAt(fall2021, at("2021-12-01T07:59:59.999Z"))).toBe("in_progress");
    expect(termStatusAt(fall2021, at("2021-12-01T08:00:00Z"))).toBe("complete");
    expect(termStatusAt(fall2021, at("2026-12-01T00:00:00Z"))).toBe("complete");
  });

  it("is complete half a year after its last date even when its page stops at the review", () => {
    const reviewOnly: TermTimeline = { ...fall2021, phases: fall2021.phases.slice(1) };
    expect(termStatusAt(reviewOnly, at("2021-10-01T00:00:00Z"))).toBe("in_review");
    // 180 days after the review closed on 2021-09-01T07:00Z.
    expect(termStatusAt(reviewOnly, at("2022-02-28T06:59:59.999Z"))).toBe("in_review");
    expect(termStatusAt(reviewOnly, at("2022-02-28T07:00:00Z"))).toBe("complete");
  });

  it("is never the program's current term, nor is a term with no dates", () => {
    const terms = [
      { key: "2019", timeline: undated },
      { key: "2021-03-fall", timeline: fall2021 },
      { key: "2026-03-sep-nov", timeline: term2026 },
    ];
    expect(pickCurrentTerm(terms, at("2026-12-01T00:00:00Z"))?.key).toBe("2026-03-sep-nov");
    expect(pickCurrentTerm(terms, at("2026-08-10T00:00:00Z"))?.key).toBe("2026-03-sep-nov");
    // With nothing running, the newest term stands for the program, shown as complete; a term without dates never does.
    expect(pickCurrentTerm(terms.slice(0, 2), at("2026-12-01T00:00:00Z"))?.key).toBe("2021-03-fall");
    expect(termStatusAt(undated, at("2026-12-01T00:00:00Z"))).toBe("dates_unknown");
  });
});
