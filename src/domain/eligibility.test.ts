import { describe, expect, it } from "vitest";
import { type EligibilityQuestionAsked, type EligibilityQuestionRule, judgeEligibility, questionProblems, verdictWords } from "./eligibility.ts";

const adult: EligibilityQuestionAsked = {
  id: 11,
  kind: "yes_no",
  prompt: "I am 18 or older",
  choices: [],
  disqualifyingAnswers: ["no"],
  disqualifyingReason: "Mentees must be 18 or older.",
};
const student: EligibilityQuestionAsked = {
  id: 12,
  kind: "choice",
  prompt: "I am enrolled as",
  choices: ["a student", "not a student", "a mentee of this program before"],
  disqualifyingAnswers: ["a mentee of this program before"],
  disqualifyingReason: "The program is for first-time mentees.",
};
const where: EligibilityQuestionAsked = {
  id: 13,
  kind: "text",
  prompt: "Where do you live?",
  choices: [],
  disqualifyingAnswers: [],
  disqualifyingReason: null,
};
const questions = [adult, student, where];

describe("judging an applicant's eligibility answers", () => {
  it("finds an applicant eligible when no answer disqualifies, and gives the answers back in the questions' order, trimmed", () => {
    const judged = judgeEligibility(questions, [
      { questionId: 13, answer: "  Lagos " },
      { questionId: 11, answer: "yes" },
      { questionId: 12, answer: "a student" },
    ]);
    expect(judged).toEqual({
      ok: true,
      answers: [
        { questionId: 11, answer: "yes" },
        { questionId: 12, answer: "a student" },
        { questionId: 13, answer: "Lagos" },
      ],
      verdict: { eligible: true, disqualifications: [] },
    });
  });

  it("names every disqualifying answer with its question and the admin's reason", () => {
    const judged = judgeEligibility(questions, [
      { questionId: 11, answer: "no" },
      { questionId: 12, answer: "a mentee of this program before" },
      { questionId: 13, answer: "Lima" },
    ]);
    if (!judged.ok) throw new Error("the answers were refused");
    expect(judged.verdict).toEqual({
      eligible: false,
      disqualifications: [
        { questionId: 11, prompt: "I am 18 or older", answer: "no", reason: "Mentees must be 18 or older." },
        { questionId: 12, prompt: "I am enrolled as", answer: "a mentee of this program before", reason: "The program is for first-time mentees." },
      ],
    });
    expect(verdictWords(judged.verdict, "Term 1")).toBe("You cannot apply for Term 1: Mentees must be 18 or older. The program is for first-time mentees.");
    expect(verdictWords({ eligible: true, disqualifications: [] }, "Term 1")).toBe("You are eligible to apply for Term 1.");
  });

  it("refuses a missing answer, an answer a question does not accept, an unknown question and a question answered twice, each at its place", () => {
    const judged = judgeEligibility(questions, [
      { questionId: 11, answer: "maybe" },
      { questionId: 12, answer: "A Student" },
      { questionId: 99, answer: "yes" },
      { questionId: 11, answer: "yes" },
    ]);
    expect(judged.ok).toBe(false);
    if (judged.ok) return;
    expect(judged.problems.map(({ path, code }) => ({ path: path.join("."), code }))).toEqual([
      { path: "answers.0.answer", code: "invalid_value" },
      { path: "answers.1.answer", code: "invalid_value" },
      { path: "answers.2.questionId", code: "unknown_question" },
      { path: "answers.3.questionId", code: "duplicate" },
      { path: "answers", code: "required" },
    ]);
    expect(judged.problems[0]?.message).toBe("must be one of “yes”, “no” for “I am 18 or older”");
    expect(judged.problems[4]?.message).toBe("must answer “Where do you live?”");
  });

  it("refuses an empty or over-long text answer", () => {
    const blank = judgeEligibility([where], [{ questionId: 13, answer: "   " }]);
    const long = judgeEligibility([where], [{ questionId: 13, answer: "x".repeat(1001) }]);
    expect(blank.ok ? null : blank.problems[0]?.code).toBe("too_small");
    expect(long.ok ? null : long.problems[0]?.code).toBe("too_big");
    expect(judgeEligibility([where], [{ questionId: 13, answer: "x".repeat(1000) }]).ok).toBe(true);
  });

  it("finds everyone eligible when the term asks nothing", () => {
    expect(judgeEligibility([], [])).toEqual({ ok: true, answers: [], verdict: { eligible: true, disqualifications: [] } });
  });
});

describe("checking the questions an admin writes", () => {
  const rule = (changes: Partial<EligibilityQuestionRule>): EligibilityQuestionRule => ({ ...adult, ...changes });
  const found = (questionsWritten: EligibilityQuestionRule[]) => questionProblems(questionsWritten).map(({ path, code }) => `${path.join(".")} ${code}`);

  it("accepts the three example questions of a program", () => {
    expect(
      found([
        adult,
        rule({ prompt: "I have not been a mentee of this program before", disqualifyingReason: "The program is for first-time mentees." }),
        rule({ prompt: "I can receive payments where I live", disqualifyingReason: "Stipends can only be paid where payments can be received." }),
        where,
        student,
      ]),
    ).toEqual([]);
  });

  it("refuses choices on a question that is not a choice, and a choice question with fewer than two distinct choices", () => {
    expect(found([rule({ choices: ["yes", "no"] })])).toEqual(["questions.0.choices not_allowed"]);
    expect(found([{ ...student, choices: ["one"], disqualifyingAnswers: [], disqualifyingReason: null }])).toEqual(["questions.0.choices too_small"]);
    expect(found([{ ...student, choices: ["One", "one", "two"], disqualifyingAnswers: [], disqualifyingReason: null }])).toEqual([
      "questions.0.choices.1 duplicate",
    ]);
  });

  it("refuses a disqualifying answer the question does not accept, a free-text question that disqualifies, and one where every answer disqualifies", () => {
    expect(found([rule({ disqualifyingAnswers: ["No"] })])).toEqual(["questions.0.disqualifyingAnswers.0 invalid_value"]);
    expect(found([{ ...where, disqualifyingAnswers: ["x"], disqualifyingReason: "no" }])).toEqual(["questions.0.disqualifyingAnswers not_allowed"]);
    expect(found([rule({ disqualifyingAnswers: ["no", "yes"] })])).toEqual(["questions.0.disqualifyingAnswers disqualifies_everyone"]);
  });

  it("asks for a reason exactly when some answer disqualifies, and refuses the same prompt twice", () => {
    expect(found([rule({ disqualifyingReason: null })])).toEqual(["questions.0.disqualifyingReason required"]);
    expect(found([rule({ disqualifyingAnswers: [] })])).toEqual(["questions.0.disqualifyingReason not_allowed"]);
    expect(found([adult, rule({ prompt: "i am 18 OR older" })])).toEqual(["questions.1.prompt duplicate"]);
  });
});
