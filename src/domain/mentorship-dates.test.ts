import { describe, expect, it } from "vitest";
import { mentorshipTimeline } from "./mentorship-dates.ts";
import { checkActionOpen } from "./phase-actions.ts";
import type { TermTimeline } from "./timeline.ts";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);
const TERM: TermTimeline = {
  title: "Term 01",
  timeZone: ZONE,
  phases: [
    { kind: "start", activity: "mentorship begins", text: "", startsAt: at("2026-02-02T08:00:00Z"), endsAt: null },
    { kind: "midterm", activity: "midterm evaluations", text: "", startsAt: at("2026-03-02T08:00:00Z"), endsAt: at("2026-03-07T01:00:00Z") },
    { kind: "final", activity: "final evaluations", text: "", startsAt: at("2026-04-27T07:00:00Z"), endsAt: at("2026-05-02T00:00:00Z") },
    { kind: "end", activity: "last day", text: "", startsAt: at("2026-05-04T07:00:00Z"), endsAt: null },
  ],
};
const phase = (timeline: TermTimeline, kind: string) => timeline.phases.find((item) => item.kind === kind);

describe("a mentorship's dates", () => {
  it("are the term's when it has no extension", () => {
    expect(mentorshipTimeline(TERM, null)).toBe(TERM);
  });

  it("move by the extension's weeks from the instant it was granted on, keeping the local time across summer time", () => {
    // Granted before the midterm: the midterm, the final evaluations and the end move; the start does not.
    const moved = mentorshipTimeline(TERM, { weeks: 2, grantedAt: at("2026-02-20T12:00:00Z") });
    expect(phase(moved, "start")?.startsAt).toEqual(at("2026-02-02T08:00:00Z"));
    // 00:00 PST on 2 March becomes 00:00 PDT on 16 March (summer time began on 8 March).
    expect(phase(moved, "midterm")?.startsAt).toEqual(at("2026-03-16T07:00:00Z"));
    expect(phase(moved, "midterm")?.endsAt).toEqual(at("2026-03-21T00:00:00Z"));
    expect(phase(moved, "end")?.startsAt).toEqual(at("2026-05-18T07:00:00Z"));
  });

  it("leave what already happened: granted during the final evaluations, only their end and the term's end move", () => {
    const moved = mentorshipTimeline(TERM, { weeks: 1, grantedAt: at("2026-04-29T00:00:00Z") });
    expect(phase(moved, "final")?.startsAt).toEqual(at("2026-04-27T07:00:00Z"));
    expect(phase(moved, "final")?.endsAt).toEqual(at("2026-05-09T00:00:00Z"));
    // The final evaluation window is open a week longer for this mentorship, to the millisecond.
    expect(checkActionOpen(moved, "submitFinalEvaluation", at("2026-05-08T23:59:59.999Z")).open).toBe(true);
    expect(checkActionOpen(moved, "submitFinalEvaluation", at("2026-05-09T00:00:00.000Z")).open).toBe(false);
    expect(checkActionOpen(TERM, "submitFinalEvaluation", at("2026-05-08T23:59:59.999Z")).open).toBe(false);
  });
});
