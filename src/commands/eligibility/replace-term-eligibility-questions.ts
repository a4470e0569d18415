import type { EligibilityQuestionAsked } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { EligibilityQuestionsBody } from "../../schemas/eligibility.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { listTermEligibilityQuestions, replaceTermEligibilityQuestions as replaceRows } from "../../storage/repos/eligibility-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { questionOf, refuseProblems, rejudgeStoredAnswers, ruleOf, termQuestionsSettled } from "./eligibility-questions.ts";
import type { TermEligibilityQuestions } from "./get-term-eligibility-questions.ts";

/** Options of replaceTermEligibilityQuestions. */
export interface ReplaceTermEligibilityQuestionsOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  /** The whole ordered list; a question sent with its id keeps its answers. */
  body: EligibilityQuestionsBody;
  now: Date;
}

/**
 * Replaces a term's own eligibility questions (its program's admins only), audited with the
 * list before and after. Until applications open, anything may change. From then on applicants
 * may have answered, so changing under them which questions are asked, or which answers
 * disqualify, would be unfair: only the wording of a prompt or a reason may change (a typo), and
 * anything else is refused with PHASE_CLOSED saying so. The stored verdicts are judged again
 * against the new questions (`rejudgeStoredAnswers`).
 */
export async function replaceTermEligibilityQuestions(options: ReplaceTermEligibilityQuestionsOptions): Promise<TermEligibilityQuestions> {
  const { actor, now, body } = options;
  return inTransaction(options.database, async (db) => {
    const { term, program } = await requireTermAdmin(db, actor, options.termSlug);
    const before = (await listTermEligibilityQuestions(db, term.id)).map(questionOf);
    const known = new Set(before.map((question) => question.id));
    const strangers = body.questions.flatMap((question, index) =>
      question.id !== undefined && !known.has(question.id)
        ? [
            {
              path: ["questions", index, "id"],
              code: "unknown_question",
              message: `is not one of the questions of ${term.title}; leave the id out for a new question`,
            },
          ]
        : [],
    );
    if (strangers.length > 0) refuseProblems(strangers);

    const settled = await termQuestionsSettled(db, term, now);
    if (settled.settled) requireWordingOnly(before, body, settled.message);
    const after = body.questions.map((question) => ({ id: question.id, ...ruleOf(question) }));
    const unchanged =
      before.length === after.length &&
      before.every((question, index) => JSON.stringify({ id: question.id, ...ruleOf(question) }) === JSON.stringify(after[index]));
    if (unchanged) return { term, program, questions: before, ...settled };

    const rows = await replaceRows(db, term.id, after);
    await rejudgeStoredAnswers(db, term.id, rows.map(questionOf), { wordingOnly: settled.settled });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "eligibility.questions_updated",
      objectType: "term",
      objectId: term.id,
      changes: { before: before.map((question) => ({ id: question.id, ...ruleOf(question) })), after: rows.map(questionOf) },
      at: now,
    });
    return { term, program, questions: rows.map(questionOf), ...settled };
  });
}

/** Refuses, once applications have opened, any change but the wording of prompts and reasons, naming each question at fault. */
function requireWordingOnly(before: readonly EligibilityQuestionAsked[], body: EligibilityQuestionsBody, message: string): void {
  const errors: FieldError[] = [];
  if (body.questions.length !== before.length || body.questions.some((question, index) => question.id !== before[index]?.id)) {
    errors.push({ field: "questions", code: "settled", detail: "must keep the same questions, each with its id, in the same order" });
  } else {
    body.questions.forEach((question, index) => {
      const old = before[index];
      if (!old) return;
      for (const key of ["kind", "choices", "disqualifyingAnswers"] as const) {
        if (JSON.stringify(question[key]) !== JSON.stringify(old[key])) {
          errors.push({ field: `questions.${index}.${key}`, code: "settled", detail: "can no longer change: applicants may have answered already" });
        }
      }
    });
  }
  if (errors.length > 0) throw new AppError("PHASE_CLOSED", message, undefined, { errors });
}
