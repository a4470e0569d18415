import type { z } from "zod";
import { type EligibilityQuestionAsked, verdictWords } from "../domain/eligibility.ts";
import type { Eligibility, EligibilityQuestion, EligibilityQuestionsResponse } from "../schemas/eligibility.ts";
import type { EligibilityAnswerRow, TermRow } from "../storage/schema.ts";

/** One eligibility question as the API shows it. */
export function presentEligibilityQuestion(question: EligibilityQuestionAsked): z.infer<typeof EligibilityQuestion> {
  return {
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    choices: [...question.choices],
    disqualifyingAnswers: [...question.disqualifyingAnswers],
    disqualifyingReason: question.disqualifyingReason,
  };
}

/** A program's or a term's questions for its admins, with whether they may still change and why. */
export function presentEligibilityQuestions(input: {
  questions: readonly EligibilityQuestionAsked[];
  editable: boolean;
  message: string;
}): z.infer<typeof EligibilityQuestionsResponse> {
  return { questions: input.questions.map(presentEligibilityQuestion), editable: input.editable, message: input.message };
}

/** What one person's own eligibility command returns, as the presenter reads it. */
interface OwnEligibilityInput {
  term: TermRow;
  questions: readonly EligibilityQuestionAsked[];
  row: EligibilityAnswerRow | undefined;
  answers: ReadonlyMap<number, string>;
  judged:
    | { ok: false }
    | { ok: true; verdict: { eligible: boolean; disqualifications: ReadonlyArray<{ questionId: number; prompt: string; answer: string; reason: string }> } }
    | undefined;
  canAnswer: boolean;
  message: string;
}

/** The caller's own questions, answers and verdict for a term; the verdict is null until every current question is answered. */
export function presentOwnEligibility(input: OwnEligibilityInput): z.infer<typeof Eligibility> {
  const verdict = input.judged?.ok
    ? {
        eligible: input.judged.verdict.eligible,
        disqualifications: input.judged.verdict.disqualifications.map((found) => ({ ...found })),
        message: verdictWords({ eligible: input.judged.verdict.eligible, disqualifications: [...input.judged.verdict.disqualifications] }, input.term.title),
      }
    : null;
  return {
    term: { slug: input.term.slug, title: input.term.title, timeZone: input.term.timeZone },
    questions: input.questions.map(presentEligibilityQuestion),
    answers: input.questions.flatMap((question) => {
      const answer = input.answers.get(question.id);
      return answer === undefined ? [] : [{ questionId: question.id, answer }];
    }),
    answeredAt: input.row?.answeredAt ?? null,
    verdict,
    canAnswer: input.canAnswer,
    message: input.message,
  };
}
