import type { EligibilityQuestionKind } from "./application-states.ts";

// The program's eligibility questions and an applicant's answers to them, as pure rules: which
// questions an admin may ask, which answers an applicant may give, and the verdict. The API's
// shapes (schemas/eligibility.ts) refuse what these rules refuse, naming the field.

/** The two answers of a yes/no question, as they are sent and stored. */
export const YES_NO_ANSWERS = ["yes", "no"] as const;

/** The most characters an answer to a text question may have. */
export const ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH = 1000;

/** The most characters a question's prompt may have. */
export const ELIGIBILITY_PROMPT_MAX_LENGTH = 300;

/** The most characters one choice of a choice question may have. */
export const ELIGIBILITY_CHOICE_MAX_LENGTH = 200;

/** The most characters the reason told to a disqualified applicant may have. */
export const ELIGIBILITY_REASON_MAX_LENGTH = 500;

/** The most questions a program or term may ask. */
export const ELIGIBILITY_QUESTIONS_MAX = 20;

/** The most choices a choice question may offer. */
export const ELIGIBILITY_CHOICES_MAX = 20;

/** What a question asks and which of its answers disqualify, as an admin writes it. */
export interface EligibilityQuestionRule {
  kind: EligibilityQuestionKind;
  prompt: string;
  choices: readonly string[];
  disqualifyingAnswers: readonly string[];
  disqualifyingReason: string | null;
}

/** A question as a term asks it: the rule and the id its answers refer to. */
export interface EligibilityQuestionAsked extends EligibilityQuestionRule {
  id: number;
}

/** One answer an applicant gives, by the question's id. */
export interface EligibilityAnswer {
  questionId: number;
  answer: string;
}

/** An answer that disqualifies, with the question's words and the reason the admin gave. */
export interface Disqualification {
  questionId: number;
  prompt: string;
  answer: string;
  reason: string;
}

/** The outcome of a complete set of answers: eligible, or not with every disqualifying answer. */
export interface EligibilityOutcome {
  eligible: boolean;
  disqualifications: Disqualification[];
}

/** Something wrong with a list of questions or answers: where (a path into the body), a stable code, and words. */
export interface EligibilityProblem {
  path: ReadonlyArray<string | number>;
  code: string;
  message: string;
}

/** The answers a question accepts, or null for a text question, which accepts any line. */
export function possibleAnswers(question: Pick<EligibilityQuestionRule, "kind" | "choices">): readonly string[] | null {
  if (question.kind === "yes_no") return YES_NO_ANSWERS;
  if (question.kind === "choice") return question.choices;
  return null;
}

/**
 * What is wrong with the questions an admin wrote, if anything: a choice question offers at
 * least two distinct choices and the others none; only answers the question accepts can
 * disqualify (a free-text answer cannot); some answer must still let an applicant through; a
 * question with disqualifying answers says why, and only such a question has a reason.
 */
export function questionProblems(questions: readonly EligibilityQuestionRule[]): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const prompts = new Map<string, number>();
  questions.forEach((question, index) => {
    const at = (...path: Array<string | number>) => ["questions", index, ...path];
    const add = (path: Array<string | number>, code: string, message: string) => problems.push({ path: at(...path), code, message });
    const samePrompt = prompts.get(question.prompt.toLowerCase());
    if (samePrompt !== undefined) add(["prompt"], "duplicate", `asks the same as question ${samePrompt + 1}; ask each question once`);
    else prompts.set(question.prompt.toLowerCase(), index);

    if (question.kind === "choice") {
      if (question.choices.length < 2) add(["choices"], "too_small", "must offer at least two choices");
      const seen = new Set<string>();
      question.choices.forEach((choice, choiceIndex) => {
        if (seen.has(choice.toLowerCase())) add(["choices", choiceIndex], "duplicate", `offers “${choice}” twice`);
        seen.add(choice.toLowerCase());
      });
    } else if (question.choices.length > 0) {
      add(["choices"], "not_allowed", "only a choice question offers choices; remove them or make it a choice question");
    }

    const accepted = possibleAnswers(question);
    if (accepted === null && question.disqualifyingAnswers.length > 0) {
      add(["disqualifyingAnswers"], "not_allowed", "a free-text answer cannot disqualify; ask a yes/no or choice question instead");
    } else if (accepted !== null) {
      const seen = new Set<string>();
      question.disqualifyingAnswers.forEach((answer, answerIndex) => {
        if (!accepted.includes(answer))
          add(["disqualifyingAnswers", answerIndex], "invalid_value", `“${answer}” is not an answer to this question (${wordsOf(accepted)})`);
        else if (seen.has(answer)) add(["disqualifyingAnswers", answerIndex], "duplicate", `names “${answer}” twice`);
        seen.add(answer);
      });
      if (accepted.length > 0 && accepted.every((answer) => seen.has(answer))) {
        add(
          ["disqualifyingAnswers"],
          "disqualifies_everyone",
          "every answer would disqualify, so nobody could apply; leave at least one answer that lets people through",
        );
      }
    }

    const hasReason = (question.disqualifyingReason ?? "").trim() !== "";
    if (question.disqualifyingAnswers.length > 0 && !hasReason) {
      add(["disqualifyingReason"], "required", "must say why these answers disqualify; the applicant reads it");
    } else if (question.disqualifyingAnswers.length === 0 && hasReason) {
      add(["disqualifyingReason"], "not_allowed", "is told only to a disqualified applicant; choose the answers that disqualify, or leave the reason empty");
    }
  });
  return problems;
}

/** The outcome of judging answers: the problems that stop it, or the verdict. */
export type EligibilityJudgement = { ok: false; problems: EligibilityProblem[] } | { ok: true; answers: EligibilityAnswer[]; verdict: EligibilityOutcome };

/**
 * Judges an applicant's answers against a term's questions. Every question must be answered once,
 * by an answer it accepts: "yes" or "no", one of the choices, or a line of text (trimmed, not
 * empty, at most 1,000 characters). The answers come back in the order of the questions, and the
 * verdict names every disqualifying answer with the admin's reason.
 */
export function judgeEligibility(questions: readonly EligibilityQuestionAsked[], answers: readonly EligibilityAnswer[]): EligibilityJudgement {
  const problems: EligibilityProblem[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const given = new Map<number, string>();
  answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (!question) {
      problems.push({ path: ["answers", index, "questionId"], code: "unknown_question", message: "is not one of this term's eligibility questions" });
      return;
    }
    if (given.has(answer.questionId)) {
      problems.push({ path: ["answers", index, "questionId"], code: "duplicate", message: `answers “${question.prompt}” a second time` });
      return;
    }
    const problem = answerProblem(question, answer.answer);
    if (problem) problems.push({ path: ["answers", index, "answer"], code: problem.code, message: problem.message });
    given.set(answer.questionId, answer.answer.trim());
  });
  for (const question of questions) {
    if (!given.has(question.id)) problems.push({ path: ["answers"], code: "required", message: `must answer “${question.prompt}”` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const ordered = questions.map((question) => ({ questionId: question.id, answer: given.get(question.id) ?? "" }));
  const disqualifications = questions.flatMap((question) => {
    const answer = given.get(question.id) ?? "";
    return question.disqualifyingAnswers.includes(answer)
      ? [{ questionId: question.id, prompt: question.prompt, answer, reason: question.disqualifyingReason ?? "This answer rules out applying this term." }]
      : [];
  });
  return { ok: true, answers: ordered, verdict: { eligible: disqualifications.length === 0, disqualifications } };
}

/** The verdict in one sentence an applicant reads before writing anything. */
export function verdictWords(verdict: EligibilityOutcome, termTitle: string): string {
  if (verdict.eligible) return `You are eligible to apply for ${termTitle}.`;
  return `You cannot apply for ${termTitle}: ${verdict.disqualifications.map((found) => found.reason).join(" ")}`;
}

function answerProblem(question: EligibilityQuestionAsked, raw: string): { code: string; message: string } | null {
  const answer = raw.trim();
  const accepted = possibleAnswers(question);
  if (accepted !== null) {
    return accepted.includes(answer) ? null : { code: "invalid_value", message: `must be one of ${wordsOf(accepted)} for “${question.prompt}”` };
  }
  if (answer === "") return { code: "too_small", message: `must not be empty: answer “${question.prompt}”` };
  if (answer.length > ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH) {
    return { code: "too_big", message: `must be at most ${ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH} characters` };
  }
  return null;
}

function wordsOf(answers: readonly string[]): string {
  return answers.map((answer) => `“${answer}”`).join(", ");
}
