import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInstant } from "./format-instant.ts";
import { checkActionOpen } from "./phase-actions.ts";
import { termStatusAt } from "./term-status.ts";
import { isWholeDay, nextDeadline, type TermTimeline, type TimelinePhase } from "./timeline.ts";

const LA = "America/Los_Angeles";

/** A wall-clock time in a zone, as the zone database reads it. */
function local(text: string, zone = LA): Date {
  const dateTime = DateTime.fromISO(text, { zone });
  if (!dateTime.isValid) throw new Error(`bad test date ${text}`);
  return dateTime.toJSDate();
}

function phase(kind: TimelinePhase["kind"], text: string, startsAt: Date | null, endsAt: Date | null): TimelinePhase {
  return { kind, activity: kind ?? "other", text, startsAt, endsAt };
}

// The seed dates of Term 02 - 2024 June - August, as its term page writes them.
const term02: TermTimeline = {
  title: "Term 02 - 2024 June - August",
  timeZone: LA,
  phases: [
    phase("proposals", "Monday April 8 - Wed May 8, 2024, 5:00 PM PDT", local("2024-04-08T00:00"), local("2024-05-08T17:00")),
    phase("applications", "Monday May 13 - Tues May 28, 5:00 PM PDT", local("2024-05-13T00:00"), local("2024-05-28T17:00")),
    phase("review", "Wed May 29 - Tues June 11, 5:00 PM PDT", local("2024-05-29T00:00"), local("2024-06-11T17:00")),
    phase("notifications", "Wed June 12, 5:00 PM PDT", local("2024-06-12T17:00"), local("2024-06-12T17:00")),
    phase("start", "Monday June 17 (Week 1)", local("2024-06-17T00:00"), local("2024-06-18T00:00")),
    phase("midterm", "Wednesday July 24 (Week 6)", local("2024-07-24T00:00"), local("2024-07-25T00:00")),
    phase("final", "Wed Aug 28, 5:00 PM PDT (Week 12)", local("2024-08-28T00:00"), local("2024-08-28T17:00")),
    phase("end", "Friday Aug 30", local("2024-08-30T00:00"), local("2024-08-31T00:00")),
  ],
};

describe("application deadline of Term 02 - 2024", () => {
  it("closes at 17:00 PDT, which is midnight UTC", () => {
    expect(local("2024-05-28T17:00").toISOString()).toBe("2024-05-29T00:00:00.000Z");
  });

  it("accepts a submission at 23:59:59.999 UTC", () => {
    const answer = checkActionOpen(term02, "submitApplication", new Date("2024-05-28T23:59:59.999Z"));
    expect(answer.open).toBe(true);
    expect(answer.message).toBe("Applications for Term 02 - 2024 June - August are open until Tue 28 May 2024 at 17:00 PDT (00:00 UTC).");
  });

  it("refuses a submission at 00:00:00.000 UTC with a message a person can act on", () => {
    const answer = checkActionOpen(term02, "submitApplication", new Date("2024-05-29T00:00:00.000Z"));
    expect(answer).toMatchObject({ open: false, reason: "closed" });
    expect(answer.message).toBe("Applications for Term 02 - 2024 June - August closed on Tue 28 May 2024 at 17:00 PDT (00:00 UTC).");
  });

  it("says when applications open to someone who comes early", () => {
    const answer = checkActionOpen(term02, "submitApplication", new Date("2024-05-01T12:00:00Z"));
    expect(answer).toMatchObject({ open: false, reason: "not_yet_open" });
    expect(answer.message).toBe("Applications for Term 02 - 2024 June - August open on Mon 13 May 2024 at 00:00 PDT (07:00 UTC).");
  });

  it("lets mentors review from the first application until review closes", () => {
    expect(checkActionOpen(term02, "reviewApplication", local("2024-05-20T09:00")).open).toBe(true);
    expect(checkActionOpen(term02, "reviewApplication", local("2024-06-11T16:59:59.999")).open).toBe(true);
    expect(checkActionOpen(term02, "reviewApplication", local("2024-06-11T17:00")).open).toBe(false);
  });

  it("reports an action whose phase has no dates", () => {
    const undated: TermTimeline = { ...term02, phases: term02.phases.filter((p) => p.kind !== "midterm") };
    expect(checkActionOpen(undated, "submitMidtermEvaluation", new Date()).message).toBe(
      "Midterm evaluations for Term 02 - 2024 June - August have no dates in the timeline yet.",
    );
  });
});

describe("term status follows the timeline and the clock", () => {
  const cases: Array<[string, ReturnType<typeof termStatusAt>]> = [
    ["2024-03-01T12:00", "planned"],
    ["2024-04-08T00:00", "proposals_open"],
    ["2024-05-10T12:00", "planned"],
    ["2024-05-13T00:00", "applications_open"],
    ["2024-05-28T16:59:59.999", "applications_open"],
    ["2024-05-28T17:00", "in_review"],
    ["2024-06-05T10:00", "in_review"],
    ["2024-06-12T17:00", "selections_announced"],
    ["2024-06-17T00:00", "in_progress"],
    ["2024-07-24T12:00", "in_progress"],
    ["2024-08-30T23:59:59.999", "in_progress"],
    ["2024-08-31T00:00", "complete"],
  ];
  it.each(cases)("at %s Pacific time the term is %s", (when, status) => {
    expect(termStatusAt(term02, local(when))).toBe(status);
  });

  it("is dates unknown, not planned nor in review, when no row of the timeline has a readable date", () => {
    expect(termStatusAt({ ...term02, phases: [] }, new Date())).toBe("dates_unknown");
    const unreadable = [phase("applications", "August 16th - August 32nd", null, null), phase(null, "TBD", null, null)];
    expect(termStatusAt({ ...term02, phases: unreadable }, new Date())).toBe("dates_unknown");
  });
});

describe("next deadline", () => {
  it("is the close of applications while they are open", () => {
    expect(nextDeadline(term02, local("2024-05-20T12:00"))).toMatchObject({ kind: "applications", event: "closes", at: local("2024-05-28T17:00") });
  });

  it("is the opening of applications between proposals and applications", () => {
    expect(nextDeadline(term02, local("2024-05-10T12:00"))).toMatchObject({ kind: "applications", event: "opens" });
  });

  it("is null once the term is over", () => {
    expect(nextDeadline(term02, local("2024-09-01T00:00"))).toBeNull();
  });
});

describe("daylight-saving changes come from the zone database", () => {
  it("spring forward: 17:00 on the Saturday before is PST, on the Sunday PDT", () => {
    expect(local("2024-03-09T17:00").toISOString()).toBe("2024-03-10T01:00:00.000Z");
    expect(local("2024-03-10T17:00").toISOString()).toBe("2024-03-11T00:00:00.000Z");
    expect(formatInstant(local("2024-03-09T17:00"), LA)).toBe("Sat 9 Mar 2024 at 17:00 PST");
    expect(formatInstant(local("2024-03-10T17:00"), LA)).toBe("Sun 10 Mar 2024 at 17:00 PDT");
  });

  it("fall back: a deadline on the Sunday the clocks go back is 17:00 PST", () => {
    expect(local("2024-11-03T17:00").toISOString()).toBe("2024-11-04T01:00:00.000Z");
    expect(formatInstant(local("2024-11-02T17:00"), LA)).toBe("Sat 2 Nov 2024 at 17:00 PDT");
    expect(formatInstant(local("2024-11-03T17:00"), LA)).toBe("Sun 3 Nov 2024 at 17:00 PST");
  });

  it("a window across the change closes at the right instant", () => {
    const autumn: TermTimeline = {
      title: "Term 03 - 2024 September - November",
      timeZone: LA,
      phases: [phase("applications", "Oct 28 - Nov 5, 5:00 PM PST", local("2024-10-28T00:00"), local("2024-11-05T17:00"))],
    };
    expect(checkActionOpen(autumn, "submitApplication", new Date("2024-11-06T00:59:59.999Z")).open).toBe(true);
    const closed = checkActionOpen(autumn, "submitApplication", new Date("2024-11-06T01:00:00.000Z"));
    expect(closed.message).toBe("Applications for Term 03 - 2024 September - November closed on Tue 5 Nov 2024 at 17:00 PST (01:00 UTC).");
  });

  it("shows a zone without English letters by its offset, across its own change", () => {
    expect(formatInstant(new Date("2024-03-31T00:30:00Z"), "Europe/Berlin")).toBe("Sun 31 Mar 2024 at 01:30 UTC+01:00");
    expect(formatInstant(new Date("2024-03-31T01:30:00Z"), "Europe/Berlin")).toBe("Sun 31 Mar 2024 at 03:30 UTC+02:00");
  });
});

describe("dates without a time", () => {
  it("the last day of the term is announced as a day, not as something that opens", () => {
    expect(nextDeadline(term02, local("2024-08-28T18:00"))).toMatchObject({ kind: "end", event: "day", at: local("2024-08-30T00:00") });
  });

  it("a whole day in the zone is recognised across a daylight-saving change", () => {
    expect(isWholeDay({ start: local("2024-11-03T00:00"), end: local("2024-11-04T00:00") }, LA)).toBe(true);
    expect(isWholeDay({ start: local("2024-06-12T17:00"), end: local("2024-06-13T17:00") }, LA)).toBe(false);
  });
});

describe("a timeline without a last day", () => {
  it("is complete once every phase has ended", () => {
    const withoutEnd: TermTimeline = { ...term02, phases: term02.phases.filter((p) => p.kind !== "end" && p.kind !== "final") };
    expect(termStatusAt(withoutEnd, local("2024-07-24T12:00"))).toBe("in_progress");
    expect(termStatusAt(withoutEnd, local("2024-07-25T00:00"))).toBe("complete");
  });
});
