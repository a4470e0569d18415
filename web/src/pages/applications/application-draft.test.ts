import { describe, expect, it } from "vitest";
import type { ApplicationQuestion } from "../../../../src/schemas/application.ts";
import { bodyOfDraft, changesSince, draftFromApplication, fieldErrorsOf, localProblems, savedBody } from "./application-draft.ts";

const QUESTIONS: ApplicationQuestion[] = [
  { id: 7, section: "task", kind: "url", prompt: "Link your pull request", choices: [], required: true },
  { id: 3, section: "question", kind: "choice", prompt: "Your time zone?", choices: ["Americas", "Europe"], required: true },
];

describe("the application form's draft", () => {
  it("sends one answer per question in the form's order, and the links without blank rows", () => {
    const draft = { coverLetter: "Hello", answers: { 3: "Europe" }, links: ["https://example.org/me", "  "] };
    expect(bodyOfDraft(draft, QUESTIONS)).toEqual({
      coverLetter: "Hello",
      answers: [
        { questionId: 7, answer: "" },
        { questionId: 3, answer: "Europe" },
      ],
      links: ["https://example.org/me"],
    });
  });

  it("has nothing to save for an untouched empty form, so opening the page makes no draft", () => {
    const draft = draftFromApplication(null);
    expect(changesSince(savedBody(null, QUESTIONS), draft, QUESTIONS)).toEqual({});
    expect(changesSince(savedBody(null, QUESTIONS), { ...draft, coverLetter: "I" }, QUESTIONS)).toMatchObject({ coverLetter: "I" });
  });

  it("holds the autosave back while a link, a task's link or the cover letter would be refused, naming the field", () => {
    const draft = { coverLetter: "x".repeat(6001), answers: { 7: "not a link" }, links: ["ftp://example.org"] };
    expect([...localProblems(draft, QUESTIONS).keys()]).toEqual(["coverLetter", "answer-7", "links.0"]);
    expect(changesSince(savedBody(null, QUESTIONS), draft, QUESTIONS)).toEqual({});
  });

  it("puts the server's words about answers.N.answer beside question N of the form", () => {
    const errors = fieldErrorsOf(
      [
        { field: "answers.1.answer", detail: "Answer it" },
        { field: "body.coverLetter", detail: "Write a cover letter." },
        { field: "links.0", detail: "must be a web address" },
      ],
      QUESTIONS,
    );
    expect(Object.fromEntries(errors)).toEqual({ "answer-3": "Answer it", coverLetter: "Write a cover letter.", "links.0": "must be a web address" });
  });
});
