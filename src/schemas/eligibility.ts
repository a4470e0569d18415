import { z } from "zod";
import { ELIGIBILITY_QUESTION_KINDS } from "../domain/application-states.ts";
import {
  ELIGIBILITY_CHOICE_MAX_LENGTH,
  ELIGIBILITY_CHOICES_MAX,
  ELIGIBILITY_PROMPT_MAX_LENGTH,
  ELIGIBILITY_QUESTIONS_MAX,
  ELIGIBILITY_REASON_MAX_LENGTH,
  ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH,
  questionProblems,
} from "../domain/eligibility.ts";
import { Instant } from "./instant.ts";
import { LineOf } from "./text.ts";

/** An eligibility question: what it asks, its choices, which answers disqualify and why. */
export const EligibilityQuestion = z
  .object({
    id: z.number().int(),
    kind: z.enum(ELIGIBILITY_QUESTION_KINDS).describe("yes_no: answered “yes” or “no”; choice: one of `choices`; text: a line of free text."),
    prompt: z.string(),
    choices: z.array(z.string()),
    disqualifyingAnswers: z.array(z.string()).describe("The answers that rule an applicant out for the term."),
    disqualifyingReason: z.string().nullable().describe("What a disqualified applicant is told."),
  })
  .meta({ id: "EligibilityQuestion" });
/** An eligibility question. */
export type EligibilityQuestion = z.infer<typeof EligibilityQuestion>;

/** One question as an admin writes it; `id` keeps an existing question of a term (its answers stay with it). */
const EligibilityQuestionInput = z.object({
  id: z.number().int().positive().optional().describe("A term's existing question, kept with its answers; leave out for a new question."),
  kind: z.enum(ELIGIBILITY_QUESTION_KINDS),
  prompt: LineOf(ELIGIBILITY_PROMPT_MAX_LENGTH).pipe(z.string().min(1, "must not be empty")),
  choices: z
    .array(LineOf(ELIGIBILITY_CHOICE_MAX_LENGTH).pipe(z.string().min(1, "must not be empty")))
    .max(ELIGIBILITY_CHOICES_MAX)
    .default([]),
  disqualifyingAnswers: z.array(LineOf(ELIGIBILITY_CHOICE_MAX_LENGTH)).max(ELIGIBILITY_CHOICES_MAX).default([]),
  disqualifyingReason: LineOf(ELIGIBILITY_REASON_MAX_LENGTH)
    .nullable()
    .default(null)
    .transform((reason) => (reason === "" ? null : reason)),
});

/**
 * `PUT …/eligibility-questions`: the whole ordered list, which replaces the one stored. The
 * domain's rules (domain/eligibility.ts) are checked here, so each refusal names its field.
 */
export const EligibilityQuestionsBody = z
  .object({
    questions: z.array(EligibilityQuestionInput).max(ELIGIBILITY_QUESTIONS_MAX, `must be at most ${ELIGIBILITY_QUESTIONS_MAX} questions`),
  })
  .superRefine((body, context) => {
    for (const problem of questionProblems(body.questions)) {
      context.addIssue({ code: "custom", path: [...problem.path], message: problem.message, params: { code: problem.code } });
    }
    const ids = body.questions.flatMap((question, index) => (question.id === undefined ? [] : [{ id: question.id, index }]));
    ids.forEach(({ id, index }, at) => {
      if (ids.findIndex((other) => other.id === id) !== at) {
        context.addIssue({ code: "custom", path: ["questions", index, "id"], message: "names a question already in the list", params: { code: "duplicate" } });
      }
    });
  })
  .meta({ id: "EligibilityQuestionsBody" });
/** The questions an admin sends. */
export type EligibilityQuestionsBody = z.infer<typeof EligibilityQuestionsBody>;

/** A program's or a term's questions, in the order they are asked. */
export const EligibilityQuestionsResponse = z
  .object({
    questions: z.array(EligibilityQuestion),
    editable: z.boolean().describe("False once the term's applications have opened: only wording can change then."),
    message: z.string().describe("What can be changed now, and why."),
  })
  .meta({ id: "EligibilityQuestions" });
/** A list of eligibility questions and whether it may change. */
export type EligibilityQuestionsResponse = z.infer<typeof EligibilityQuestionsResponse>;

/** One answer to an eligibility question. */
export const EligibilityAnswer = z
  .object({
    questionId: z.number().int().positive(),
    answer: LineOf(ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH).describe("“yes” or “no”, one of the choices, or a line of text."),
  })
  .meta({ id: "EligibilityAnswer" });
/** One eligibility answer. */
export type EligibilityAnswer = z.infer<typeof EligibilityAnswer>;

/** `PUT /api/terms/{term}/eligibility`: an answer to every question of the term. */
export const EligibilityAnswersBody = z
  .object({ answers: z.array(EligibilityAnswer).max(ELIGIBILITY_QUESTIONS_MAX * 2) })
  .meta({ id: "EligibilityAnswersBody" });
/** The answers an applicant sends. */
export type EligibilityAnswersBody = z.infer<typeof EligibilityAnswersBody>;

/** Whether the applicant may apply this term, and every answer that rules them out with its reason. */
export const EligibilityVerdict = z
  .object({
    eligible: z.boolean(),
    disqualifications: z.array(z.object({ questionId: z.number().int(), prompt: z.string(), answer: z.string(), reason: z.string() })),
    message: z.string().describe("The verdict in one sentence, e.g. “You are eligible to apply for Term 1.”"),
  })
  .meta({ id: "EligibilityVerdict" });
/** An eligibility verdict. */
export type EligibilityVerdict = z.infer<typeof EligibilityVerdict>;

/** A term's eligibility questions with the caller's own answers and verdict. */
export const Eligibility = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    questions: z.array(EligibilityQuestion),
    answers: z.array(EligibilityAnswer).describe("Your answers to the current questions; empty until you answer."),
    answeredAt: Instant.nullable(),
    verdict: EligibilityVerdict.nullable().describe("Null until every current question is answered."),
    canAnswer: z.boolean().describe("False once the term's applications have closed."),
    message: z.string().describe("Until when answers can change, or why they cannot."),
  })
  .meta({ id: "Eligibility" });
/** One applicant's eligibility for a term. */
export type Eligibility = z.infer<typeof Eligibility>;
