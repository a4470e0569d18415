import type { Disqualification, EligibilityAnswer, EligibilityQuestionAsked } from "../../domain/eligibility.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findTermById } from "../../storage/repos/term-repo.ts";
import { readPersonEligibility } from "./eligibility-questions.ts";

/** An applicant's eligibility answers for a term as the program's admins read them. */
export interface EligibilityAnswersForAdmin {
  questions: EligibilityQuestionAsked[];
  /** The answers to the term's current questions, in their order. */
  answers: EligibilityAnswer[];
  answeredAt: string;
  updatedAt: string;
  /** Null when questions changed since and the applicant has not answered them all again. */
  verdict: { eligible: boolean; disqualifications: Disqualification[] } | null;
}

/**
 * One applicant's eligibility answers for a term, for the admins of its program only (WORKFLOW.md,
 * "Who sees what": mentors never see them); null when the applicant has not answered. Anyone
 * else is refused with NOT_FOUND, as if there were nothing to see.
 */
export async function loadEligibilityAnswersForAdmin(
  db: Db,
  options: { actor: Actor; termId: number; personId: number },
): Promise<EligibilityAnswersForAdmin | null> {
  const term = await findTermById(db, options.termId);
  if (!term || !isProgramAdmin(options.actor, term.programId)) throw new AppError("NOT_FOUND", "There are no eligibility answers to see here.");
  const { questions, row, answers, judged } = await readPersonEligibility(db, { termId: term.id, personId: options.personId });
  if (!row) return null;
  return {
    questions,
    answers: questions.flatMap((question) => {
      const answer = answers.get(question.id);
      return answer === undefined ? [] : [{ questionId: question.id, answer }];
    }),
    answeredAt: row.answeredAt,
    updatedAt: row.updatedAt,
    verdict: judged?.ok ? judged.verdict : null,
  };
}
