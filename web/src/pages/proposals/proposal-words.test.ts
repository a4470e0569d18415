import { describe, expect, it } from "vitest";
import { mentorCounts, proposalStateSentence } from "./proposal-words.ts";

const OPEN = { words: "Tue 4 Feb, 17:00 PST", past: false };
const CLOSED = { words: "Tue 28 Jan, 17:00 PST", past: true };

describe("what a proposal's state tells its maintainer", () => {
  it("gives the deadline of a draft while proposals are open", () => {
    expect(proposalStateSentence("draft", OPEN, 1)).toContain("Submit it until Tue 4 Feb, 17:00 PST");
  });

  it("says a draft can no longer be submitted once proposals closed, never a deadline in the past", () => {
    const words = proposalStateSentence("draft", CLOSED, 1);
    expect(words).toContain("Proposals closed on Tue 28 Jan, 17:00 PST: this draft can no longer be submitted");
    expect(words).not.toContain("until");
  });

  it("tells an admin after the deadline that they may still act and that it is recorded", () => {
    expect(proposalStateSentence("draft", CLOSED, 1, true)).toContain("As an admin of the program you can still edit and submit it");
  });

  it("says what an accepted project's edit becomes", () => {
    expect(proposalStateSentence("accepted", CLOSED, 2)).toContain("Accepted with 2 slots");
    expect(proposalStateSentence("accepted", CLOSED, 2)).toContain("pending change");
  });

  it("counts mentors' answers in words", () => {
    expect(mentorCounts({ confirmed: 1, pending: 2, declined: 0 })).toBe("1 confirmed · 2 not answered");
    expect(mentorCounts({ confirmed: 0, pending: 0, declined: 0 })).toBe("No mentor named");
  });
});
