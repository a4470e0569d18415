import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { applicationNextStep } from "./application-next-step.ts";
import type { TermTimeline, TimelinePhase } from "./timeline.ts";

const LA = "America/Los_Angeles";

function local(text: string): Date {
  return DateTime.fromISO(text, { zone: LA }).toJSDate();
}

function phase(kind: TimelinePhase["kind"], startsAt: Date, endsAt: Date): TimelinePhase {
  return { kind, activity: kind ?? "other", text: "", startsAt, endsAt };
}

const term: TermTimeline = {
  title: "Term 02 - 2024 June - August",
  timeZone: LA,
  phases: [
    phase("applications", local("2024-05-13T00:00"), local("2024-05-28T17:00")),
    phase("review", local("2024-05-29T00:00"), local("2024-06-11T17:00")),
    phase("notifications", local("2024-06-12T17:00"), local("2024-06-12T17:00")),
    phase("start", local("2024-06-17T00:00"), local("2024-06-18T00:00")),
  ],
};

const OPEN = local("2024-05-20T09:00");
const REVIEWING = local("2024-06-01T09:00");
const BEFORE = local("2024-05-01T09:00");

describe("an application's next step for My applications", () => {
  it("a draft is to be submitted by the close, in the reader's zone", () => {
    expect(applicationNextStep({ state: "draft", respondBy: null }, term, OPEN, LA)).toEqual({
      words: "Draft · submit by Tue 28 May 2024 at 17:00 PDT",
      at: local("2024-05-28T17:00"),
    });
    expect(applicationNextStep({ state: "draft", respondBy: null }, term, OPEN, "Europe/Berlin").words).toBe(
      "Draft · submit by Wed 29 May 2024 at 02:00 UTC+02:00",
    );
    expect(applicationNextStep({ state: "draft", respondBy: null }, term, BEFORE, LA).words).toBe("Draft · applications open on Mon 13 May 2024 at 00:00 PDT");
    expect(applicationNextStep({ state: "draft", respondBy: null }, term, REVIEWING, LA)).toEqual({
      words: "Draft · applications are closed: it can no longer be submitted",
      at: null,
    });
  });

  it("a submitted one says until when it can change, how long mentors review and when the applicant hears", () => {
    expect(applicationNextStep({ state: "submitted", respondBy: null }, term, OPEN, LA)).toEqual({
      words:
        "Submitted · you may edit or withdraw it until Tue 28 May 2024 at 17:00 PDT; mentors review until Tue 11 Jun 2024 at 17:00 PDT; you hear from us on Wed 12 Jun 2024 at 17:00 PDT",
      at: local("2024-06-12T17:00"),
    });
    expect(applicationNextStep({ state: "submitted", respondBy: null }, term, REVIEWING, LA).words).toBe(
      "Submitted · mentors review until Tue 11 Jun 2024 at 17:00 PDT; you hear from us on Wed 12 Jun 2024 at 17:00 PDT",
    );
    expect(applicationNextStep({ state: "submitted", respondBy: null }, { ...term, phases: [] }, REVIEWING, LA)).toEqual({
      words: "Submitted · waiting for the selection",
      at: null,
    });
  });

  it("a withdrawn one may be sent again while applications are open", () => {
    expect(applicationNextStep({ state: "withdrawn", respondBy: null }, term, OPEN, LA).words).toBe(
      "Withdrawn · you may apply again until Tue 28 May 2024 at 17:00 PDT",
    );
    expect(applicationNextStep({ state: "withdrawn", respondBy: null }, term, REVIEWING, LA)).toEqual({ words: "Withdrawn", at: null });
  });

  it("after selection, the state says it: an offer to answer, a mentorship's start, or the end", () => {
    const respondBy = local("2024-06-15T09:00");
    expect(applicationNextStep({ state: "offered", respondBy }, term, REVIEWING, LA)).toEqual({
      words: "Offered · accept or decline by Sat 15 Jun 2024 at 09:00 PDT",
      at: respondBy,
    });
    expect(applicationNextStep({ state: "accepted", respondBy: null }, term, REVIEWING, LA).words).toBe(
      "Accepted · your mentorship begins on Mon 17 Jun 2024 at 00:00 PDT",
    );
    expect(applicationNextStep({ state: "not_selected", respondBy: null }, term, REVIEWING, LA)).toEqual({ words: "Not selected", at: null });
    expect(applicationNextStep({ state: "lapsed", respondBy: null }, term, REVIEWING, LA).words).toBe("Offer lapsed");
  });
});
