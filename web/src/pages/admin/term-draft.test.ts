import { describe, expect, it } from "vitest";
import { slugify } from "../../../../src/domain/slug.ts";
import type { TermSetup } from "../../../../src/schemas/term-setup.ts";
import { draftErrors, draftOfSetup, emptyTermDraft, formFieldOf, type TermDraft, termSetupBody, termUpdateBody, withTitle } from "./term-draft.ts";

const LA = "America/Los_Angeles";

function dated(draft: TermDraft, kind: string, startsLocal: string, endsLocal = ""): TermDraft {
  return { ...draft, timeline: draft.timeline.map((row) => (row.kind === kind ? { ...row, startsLocal, endsLocal } : row)) };
}

describe("a new term's form", () => {
  it("suggests the slug from the title by the server's own rule until the admin types one", () => {
    const titled = withTitle(emptyTermDraft(LA), "Term 01 - 2027 März & May");
    expect(titled.slug).toBe(slugify("Term 01 - 2027 März & May"));
    expect(titled.slug).toBe("term-01-2027-marz-and-may");
    const typed = { ...titled, slug: "spring-2027", slugEdited: true };
    expect(withTitle(typed, "Another title").slug).toBe("spring-2027");
  });

  it("has a row per phase kind in SPEC order and sends only the dated ones, remembering which row each is", () => {
    const draft = dated(dated(withTitle(emptyTermDraft(LA), "Term"), "proposals", "2027-02-01T09:00", "2027-02-15T17:00"), "end", "2027-08-31T17:00");
    expect(draft.timeline.map((row) => row.kind)).toEqual(["proposals", "applications", "review", "notifications", "start", "midterm", "final", "end"]);
    const { body, keys } = termSetupBody(draft);
    expect(body.timeline).toEqual([
      { kind: "proposals", activity: "Project proposals", startsLocal: "2027-02-01T09:00", endsLocal: "2027-02-15T17:00" },
      { kind: "end", activity: "Last day of term", startsLocal: "2027-08-31T17:00", endsLocal: null },
    ]);
    expect(keys).toEqual(["proposals", "end"]);
    // The server's "timeline.1.startsLocal" is the second row sent: the last day's start.
    expect(formFieldOf("timeline.1.startsLocal", keys)).toBe("timeline-end-startsLocal");
    expect(formFieldOf("timeline.0", keys)).toBe("timeline-proposals");
    expect(formFieldOf("timeline.0.kind", keys)).toBe("timeline-proposals");
    expect(formFieldOf("timeZone", keys)).toBe("timeZone");
  });

  it("refuses before sending a skipped hour and a doubled one without a choice, and sends the choice made", () => {
    const draft = dated(dated(withTitle(emptyTermDraft(LA), "Term"), "applications", "2027-03-14T02:30"), "end", "2027-11-07T01:30");
    const errors = draftErrors(draft);
    expect(errors["timeline-applications-startsLocal"]).toBe(
      "2:30 AM does not exist on Sun 14 Mar 2027 in America/Los_Angeles: clocks jump from 2:00 to 3:00 PDT; choose 3:00 or later",
    );
    expect(errors["timeline-end-startsFold"]).toBe(
      "1:30 AM happens twice on Sun 7 Nov 2027 in America/Los_Angeles: 1:30 AM PDT (08:30 UTC) or 1:30 AM PST (09:30 UTC); choose which",
    );
    const chosen = { ...draft, timeline: draft.timeline.map((row) => (row.kind === "end" ? { ...row, startsFold: "later" as const } : row)) };
    expect(termSetupBody(chosen).body.timeline.find((row) => row.kind === "end")).toMatchObject({ startsFold: "later" });
  });
});

describe("an existing term's form", () => {
  const setup: TermSetup = {
    slug: "fall-2027",
    programSlug: "cncf",
    title: "Fall 2027",
    timeZone: LA,
    lengthWeeks: 12,
    slotBudget: null,
    published: true,
    publishedAt: "2027-01-01T00:00:00.000Z",
    slugEditable: false,
    timeline: [
      {
        kind: "proposals",
        activity: "Project proposals",
        startsLocal: "2027-02-01T09:00",
        endsLocal: "2027-02-15T17:00",
        startsAt: "2027-02-01T17:00:00.000Z",
        endsAt: "2027-02-16T01:00:00.000Z",
      },
      { kind: "end", activity: "Last day of term", startsLocal: "2027-11-07T01:30", endsLocal: null, startsAt: "2027-11-07T09:30:00.000Z", endsAt: null },
      { kind: null, activity: "Orientation", startsLocal: "2027-06-01T08:00", endsLocal: null, startsAt: "2027-06-01T15:00:00.000Z", endsAt: null },
    ],
  };

  it("shows the stored pass of a doubled hour as chosen and keeps the free-worded rows", () => {
    const draft = draftOfSetup(setup);
    expect(draft.timeline.find((row) => row.kind === "end")?.startsFold).toBe("later");
    expect(draft.timeline.filter((row) => row.kind === null).map((row) => row.activity)).toEqual(["Orientation"]);
  });

  it("sends the timeline only when it changed, so renaming a term is not a timeline change", () => {
    const loaded = draftOfSetup(setup);
    expect(termUpdateBody({ ...loaded, title: "Fall term 2027" }, loaded, false).body).toEqual({
      title: "Fall term 2027",
      timeZone: LA,
      lengthWeeks: 12,
      slotBudget: null,
    });
    const moved = dated(loaded, "proposals", "2027-02-01T09:00", "2027-02-22T17:00");
    expect(termUpdateBody(moved, loaded, false).body.timeline?.[0]).toMatchObject({ endsLocal: "2027-02-22T17:00" });
  });
});
