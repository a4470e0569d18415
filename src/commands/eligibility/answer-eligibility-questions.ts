import { judgeEligibility } from "../../domain/eligibility.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { EligibilityAnswersBody } from "../../schemas/eligibility.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { saveEligibilityAnswers } from "../../storage/repos/eligibility-repo.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireVisibleTerm, toTermTimeline } from "../catalog/term-timelines.ts";
import { answerWindow, readPersonEligibility, refuseProblems } from "./eligibility-questions.ts";
import { type OwnEligibility, readOwnEligibility } from "./get-own-eligibility.ts";

/** Options of answerEligibilityQuestions. */
export interface AnswerEligibilityQuestionsOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  body: EligibilityAnswersBody;
  /** When the request was received. */
  now: Date;
}

/**
 * Stores the signed-in person's answers to a published term's eligibility questions, replacing
 * earlier ones, with the verdict: before and while applications are open, never after. Every
 * question must be answered with an answer it accepts (INVALID_INPUT naming each answer at
 * fault); a disqualifying answer is stored like any other and the verdict says why. The audit
 * event records the verdict, never the answers' text.
 */
export async function answerEligibilityQuestions(options: AnswerEligibilityQuestionsOptions): Promise<OwnEligibility> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const term = requireVisibleTerm(actor, await findTermBySlug(db, options.termSlug), options.termSlug);
    const window = answerWindow(term, toTermTimeline(term, await listTimeline(db, term.id)), now);
    if (!window.canAnswer) throw new AppError("PHASE_CLOSED", window.message);
    const { questions } = await readPersonEligibility(db, { termId: term.id, personId: actor.personId });
    const judged = judgeEligibility(questions, options.body.answers);
    if (!judged.ok) refuseProblems(judged.problems);
    await saveEligibilityAnswers(db, {
      termId: term.id,
      personId: actor.personId,
      answers: Object.fromEntries(judged.answers.map((answer) => [answer.questionId, answer.answer])),
      eligible: judged.verdict.eligible,
      disqualifications: judged.verdict.disqualifications,
      at: now,
    });
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "eligibility.answered",
      objectType: "term",
      objectId: term.id,
      // Which questions ruled the person out, never what they answered: answers are theirs and the admins'.
      changes: { eligible: judged.verdict.eligible, disqualifiedBy: judged.verdict.disqualifications.map((found) => found.questionId) },
      at: now,
    });
    return readOwnEligibility(db, term, actor.personId, now);
  });
}
