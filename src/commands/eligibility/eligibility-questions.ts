import { type EligibilityJudgement, type EligibilityQuestionAsked, type EligibilityQuestionRule, judgeEligibility } from "../../domain/eligibility.ts";
import { checkActionOpen } from "../../domain/phase-actions.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import { isDraftTerm } from "../../policies/term-policy.ts";
import type { Db } from "../../storage/repos/db.ts";
import {
  deleteEligibilityAnswers,
  findEligibilityAnswers,
  listEligibilityAnswersOfTerm,
  listTermEligibilityQuestions,
  updateEligibilityVerdict,
} from "../../storage/repos/eligibility-repo.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { EligibilityAnswerRow, ProgramEligibilityQuestionRow, TermEligibilityQuestionRow, TermRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

// What the eligibility commands share: stored questions read as the domain's, one person's
// answers judged against the term's current questions, and when a term's questions are settled.

/** A stored question (a program's or a term's) as the domain reads it. */
export function questionOf(row: ProgramEligibilityQuestionRow | TermEligibilityQuestionRow): EligibilityQuestionAsked {
  return {
    id: row.id,
    kind: row.kind,
    prompt: row.prompt,
    choices: stringsOf(row.choices),
    disqualifyingAnswers: stringsOf(row.disqualifyingAnswers),
    disqualifyingReason: row.disqualifyingReason,
  };
}

/** A question's rule alone, in one key order, for comparing and for the audit log. */
export function ruleOf(question: EligibilityQuestionRule): EligibilityQuestionRule {
  return {
    kind: question.kind,
    prompt: question.prompt,
    choices: [...question.choices],
    disqualifyingAnswers: [...question.disqualifyingAnswers],
    disqualifyingReason: question.disqualifyingReason,
  };
}

/** One person's eligibility for a term: the term's questions, their stored answers, and those answers judged now. */
export interface PersonEligibility {
  questions: EligibilityQuestionAsked[];
  row: EligibilityAnswerRow | undefined;
  /** The stored answers to the current questions, by question id. */
  answers: Map<number, string>;
  /**
   * The stored answers judged against the current questions: questions changed since (before
   * applications opened) leave the person unanswered until they answer again. Undefined before
   * they answer at all.
   */
  judged: EligibilityJudgement | undefined;
}

/** Reads and judges one person's answers for a term, inside the caller's transaction when there is one. */
export async function readPersonEligibility(db: Db, key: { termId: number; personId: number }): Promise<PersonEligibility> {
  const [rows, row] = await Promise.all([listTermEligibilityQuestions(db, key.termId), findEligibilityAnswers(db, key)]);
  const questions = rows.map(questionOf);
  const stored = row ? answersOf(row.answers) : new Map<number, string>();
  const current = new Map(questions.flatMap((question) => (stored.has(question.id) ? [[question.id, stored.get(question.id) ?? ""] as const] : [])));
  const judged = row
    ? judgeEligibility(
        questions,
        [...current].map(([questionId, answer]) => ({ questionId, answer })),
      )
    : undefined;
  return { questions, row, answers: current, judged };
}

/** Whether a term's questions may still be added, removed, reordered or change what disqualifies: until its applications open. */
export async function termQuestionsSettled(db: Db, term: TermRow, now: Date): Promise<{ settled: boolean; message: string }> {
  const availability = checkActionOpen(toTermTimeline(term, await listTimeline(db, term.id)), "submitApplication", now);
  if (availability.open || availability.reason === "closed") {
    return {
      settled: true,
      message: `Applications for ${term.title} have opened, so applicants may have answered these questions already: only the wording of a prompt or a reason can change now, never which questions are asked, their order, their choices or which answers disqualify.`,
    };
  }
  return { settled: false, message: `These questions can change until applications for ${term.title} open; after that only their wording can.` };
}

/**
 * Brings every stored verdict of a term in line with its questions after they changed, so the
 * stored verdict (which the submission check and the admins' lists read) always holds for the
 * current questions: answers that still answer every question are judged again; the others are
 * deleted and their applicant is asked again (this happens only before applications open, when
 * nobody can have applied yet). A change of wording alone leaves every eligible verdict as it
 * is, so only the disqualified are judged again, to carry the new words.
 */
export async function rejudgeStoredAnswers(
  db: Db,
  termId: number,
  questions: readonly EligibilityQuestionAsked[],
  options: { wordingOnly: boolean },
): Promise<void> {
  for (const row of await listEligibilityAnswersOfTerm(db, termId, { disqualifiedOnly: options.wordingOnly })) {
    const stored = answersOf(row.answers);
    const judged = judgeEligibility(
      questions,
      questions.flatMap((question) => {
        const answer = stored.get(question.id);
        return answer === undefined ? [] : [{ questionId: question.id, answer }];
      }),
    );
    const key = { termId, personId: row.personId };
    if (judged.ok) await updateEligibilityVerdict(db, { ...key, ...judged.verdict });
    else await deleteEligibilityAnswers(db, key);
  }
}

/** Whether an applicant may answer a term's questions now, and until when or why not, in words. */
export function answerWindow(term: TermRow, timeline: TermTimeline, now: Date): { canAnswer: boolean; message: string } {
  if (isDraftTerm(term)) return { canAnswer: false, message: `${term.title} is not published yet: its eligibility questions can be answered once it is.` };
  const availability = checkActionOpen(timeline, "submitApplication", now);
  if (availability.open) return { canAnswer: true, message: `${availability.message} Until then you can change your answers.` };
  if (availability.reason === "closed") return { canAnswer: false, message: `${availability.message} Your answers can no longer change.` };
  return { canAnswer: true, message: `${availability.message} You can answer now and change your answers until applications close.` };
}

/** Refuses a request whose answers break the rules, naming each answer at fault. */
export function refuseProblems(problems: ReadonlyArray<{ path: ReadonlyArray<string | number>; code: string; message: string }>): never {
  const errors: FieldError[] = problems.map((problem) => ({ field: problem.path.join("."), code: problem.code, detail: problem.message }));
  const first = errors[0];
  throw new AppError("INVALID_INPUT", first ? `${first.field}: ${first.detail}.` : "The answers are invalid.", undefined, { errors });
}

function stringsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
}

function answersOf(json: string): Map<number, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null) return new Map();
  return new Map(Object.entries(parsed).flatMap(([id, answer]) => (typeof answer === "string" ? [[Number(id), answer] as const] : [])));
}
