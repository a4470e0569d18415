import { describe, expect, it } from "vitest";
import type { Proposal } from "../../../../src/schemas/proposal.ts";
import { bodyOfDraft, changedFields, draftFromProposal, type ProposalDraft } from "./proposal-draft.ts";

const DRAFT: ProposalDraft = {
  title: "Faster builds",
  description: "Make the build **fast**.",
  expectedOutcome: "A cache.",
  skills: ["Go"],
  mentors: ["ada@example.org", ""],
  upstreamIssues: ["https://github.com/o/r/issues/1", "  "],
  slotsRequested: "1",
  timeCommitment: "part_time",
  hoursPerWeek: "",
  questions: [],
};

const PROPOSAL: Proposal = {
  slug: "t-faster-builds",
  term: { slug: "t", title: "Term", timeZone: "UTC" },
  programSlug: "p",
  organization: { slug: "o", name: "Org" },
  state: "accepted",
  title: "Faster builds",
  description: "Accepted text",
  descriptionHtml: "<p>Accepted text</p>",
  expectedOutcome: "Outcome",
  expectedOutcomeHtml: "<p>Outcome</p>",
  summary: "Accepted text",
  skills: [{ tag: "go", label: "Go", originalText: "golang" }],
  mentors: [
    { personId: 1, name: "Ada", githubHandle: "ada", namedAs: "ada@example.org", confirmation: "confirmed", askedAt: null, answeredAt: null },
    { personId: 2, name: "Bo", githubHandle: "bo", namedAs: null, confirmation: "pending", askedAt: null, answeredAt: null },
  ],
  upstreamIssues: [],
  slotsRequested: 2,
  slots: 2,
  timeCommitment: null,
  hoursPerWeek: 10,
  questions: [],
  reviewComment: null,
  rejectionReason: null,
  pendingChange: {
    proposedAt: "2026-12-01T10:00:00.000Z",
    description: { before: "Accepted text", after: "Edited text" },
    expectedOutcome: null,
    skills: null,
    mentors: null,
  },
  proposedBy: "Ada",
  submittedAt: null,
  decidedAt: null,
  updatedAt: "2026-12-01T10:00:00.000Z",
  abilities: { edit: true, submit: false, withdraw: true, decide: false, answerAsMentor: false },
};

describe("what the proposal form saves", () => {
  it("leaves out rows not typed yet and reads the numbers", () => {
    expect(bodyOfDraft(DRAFT)).toMatchObject({
      mentors: ["ada@example.org"],
      upstreamIssues: ["https://github.com/o/r/issues/1"],
      slotsRequested: 1,
      hoursPerWeek: null,
    });
  });

  it("sends only the fields that changed since the last save, and nothing when nothing did", () => {
    const saved = bodyOfDraft(DRAFT);
    expect(changedFields(saved, DRAFT, false)).toEqual({});
    expect(changedFields(saved, { ...DRAFT, title: "Fast builds", skills: ["Go", "Bazel"] }, false)).toEqual({ title: "Fast builds", skills: ["Go", "Bazel"] });
  });

  it("holds back a number still being typed and a question without words yet, instead of sending what the server refuses", () => {
    const saved = bodyOfDraft(DRAFT);
    const typing: ProposalDraft = {
      ...DRAFT,
      slotsRequested: "",
      hoursPerWeek: "1x",
      questions: [{ section: "question", kind: "text", prompt: " ", choices: [], required: true }],
      description: "Still typing",
    };
    expect(changedFields(saved, typing, false)).toEqual({ description: "Still typing" });
  });

  it("drops empty choices of a choice question, so a new line being typed is no error", () => {
    const draft: ProposalDraft = {
      ...DRAFT,
      questions: [{ section: "question", kind: "choice", prompt: "Pick", choices: ["Yes", "No", ""], required: false }],
    };
    expect(bodyOfDraft(draft).questions?.[0]?.choices).toEqual(["Yes", "No"]);
  });

  it("sends only the description, outcome, skills and mentors of an accepted project, which become its pending change", () => {
    const saved = bodyOfDraft(DRAFT);
    expect(changedFields(saved, { ...DRAFT, title: "New title", slotsRequested: "3", description: "Changed" }, true)).toEqual({ description: "Changed" });
  });

  it("opens an accepted project with its pending change, the skills as the maintainer wrote them and each mentor as named", () => {
    const draft = draftFromProposal(PROPOSAL);
    expect(draft.description).toBe("Edited text");
    expect(draft.skills).toEqual(["golang"]);
    expect(draft.mentors).toEqual(["ada@example.org", "@bo"]);
    expect(draft.hoursPerWeek).toBe("10");
    expect(changedFields(bodyOfDraft(draft), draft, true)).toEqual({});
  });
});
