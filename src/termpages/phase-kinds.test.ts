import { describe, expect, it } from "vitest";
import { phaseKindOf } from "./phase-kinds.ts";

describe("phaseKindOf", () => {
  it.each([
    ["project proposals", "proposals"],
    ["Project Proposals Open", "proposals"],
    ["project applications open", "proposals"],
    ["proposals cutoff", "proposals"],
    ["mentee applications open", "applications"],
    ["Mentee Applications Open", "applications"],
    ["applications opened", "applications"],
    ["application review/admission decisions", "review"],
    ["Application Review Period (2 weeks)", "review"],
    ["projects are selecting mentees", "review"],
    ["selection notifications", "notifications"],
    ["Mentorship program begins with the initial work assignments", "start"],
    ["Mentorship Program Begins (Work Phase, Week 1)", "start"],
    ["mentees are selected by the mentors, coding starts", "start"],
    ["Midterm mentee evaluations and first stipend payments", "midterm"],
    ["1st evaluation", "midterm"],
    ["Final mentee evaluations and mentee feedback/blog submission due, second and final stipend payment approvals", "final"],
    ["2nd (final) evaluation checkpoint", "final"],
    ["Last day of term", "end"],
    ["results announced!", "end"],
  ] as const)("%s → %s", (activity, kind) => {
    expect(phaseKindOf(activity)).toBe(kind);
  });

  it.each([
    "First Stipend Payments",
    "Second Stipend Payments",
    "Mentorship Kick Off Call",
    "Mentee Candidate Info Sessions",
    "Spring Term",
    "selected projects/slots are announced by CNCF",
    "coding (1st stage)",
  ])("%s has no phase kind", (activity) => {
    expect(phaseKindOf(activity)).toBeNull();
  });
});
