import { describe, expect, it } from "vitest";
import { inQueue, moved, queueFilterOf } from "./review-words.ts";

const item = (over: object) =>
  ({
    id: 1,
    state: "submitted",
    submittedAt: null,
    applicant: { name: "Ada Lovelace", githubHandle: "ada", pronouns: null, country: null },
    mark: null,
    shortlistRank: null,
    myScore: null,
    scores: { count: 0, average: null },
    notes: 0,
    otherApplications: 0,
    conflicts: 0,
    ...over,
  }) as Parameters<typeof inQueue>[0];

describe("the review queue's filters", () => {
  it("reads an unknown filter in the URL as all", () => {
    expect(queueFilterOf("nonsense")).toBe("all");
    expect(queueFilterOf("scored")).toBe("scored");
  });

  it("shows as not yet reviewed what the reader has not scored, whatever its mark, and finds applicants by name or handle", () => {
    expect(inQueue(item({}), "unreviewed", "")).toBe(true);
    expect(inQueue(item({ myScore: 3 }), "unreviewed", "")).toBe(false);
    expect(inQueue(item({ mark: "shortlisted" }), "unreviewed", "")).toBe(true);
    expect(inQueue(item({ mark: "shortlisted" }), "shortlisted", "ADA")).toBe(true);
    expect(inQueue(item({}), "all", "grace")).toBe(false);
  });
});

describe("moving an entry of the shortlist", () => {
  it("moves it one place and never past either end", () => {
    expect(moved([1, 2, 3], 3, -1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 1, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 3, 1)).toEqual([1, 2, 3]);
  });
});
