import { EVALUATION_ACTIONS, EVALUATION_WORDS, type EvaluationOutcome } from "../../domain/evaluations.ts";
import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import type { EvaluationKind } from "../../domain/stipends.ts";
import { AppError } from "../../errors/app-error.ts";
import { evaluationOutcomeMessage } from "../../notifications/mentorship-progress.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { insertEvaluation, listEvaluations } from "../../storage/repos/evaluation-repo.ts";
import type { MentorshipData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow } from "../terms/phase-window.ts";
import { evaluationQuestionsOf, mentorshipTimelineOf, readMentorship, requireActive, requireVisibleMentorship } from "./get-mentorship.ts";
import { emailReaders, menteeReader } from "./mentorship-emails.ts";
import { settleMentorship } from "./settle-mentorship.ts";

/** What a mentor sends with an evaluation. */
export interface EvaluationInput {
  kind: EvaluationKind;
  outcome: EvaluationOutcome;
  toMentee: string;
  toAdmins: string;
  /** The answers to the program's evaluation questions, in their order. */
  answers: readonly string[];
}

/**
 * A mentor submits the midterm or final evaluation of their mentee, in its window on the
 * mentorship's own timeline (to the millisecond). One of each kind: a second is refused with
 * who submitted the first. The mentee is told the outcome and the comments addressed to them;
 * a pass releases its installment (the final's also waits for the mentee's report), a fail ends
 * the mentorship and withholds what is left.
 */
export async function submitEvaluation(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  evaluation: EvaluationInput;
  now: Date;
  baseUrl: string;
}): Promise<MentorshipData> {
  const { actor, now, evaluation } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (!actor.mentorOf.has(mentorship.projectId)) throw new AppError("FORBIDDEN", "Only the project's mentors submit its mentee's evaluations.");
    requireActive(mentorship, `the ${EVALUATION_WORDS[evaluation.kind]}`);
    const window = await checkPhaseWindow(db, actor, {
      programId: mentorship.programId,
      timeline: await mentorshipTimelineOf(db, mentorship),
      action: EVALUATION_ACTIONS[evaluation.kind],
      now,
    });
    const questions = await evaluationQuestionsOf(db, mentorship.programId);
    if (evaluation.answers.length !== questions.length || evaluation.answers.some((answer) => answer.trim() === "")) {
      const missing = questions.findIndex((_, index) => (evaluation.answers[index] ?? "").trim() === "");
      throw new AppError("INVALID_INPUT", `Answer every question of the evaluation (${questions.length}).`, undefined, {
        errors: [{ field: `answers.${Math.max(missing, 0)}`, code: "required", detail: `answer “${questions[Math.max(missing, 0)] ?? ""}”` }],
      });
    }
    const inserted = await insertEvaluation(db, {
      mentorshipId: mentorship.id,
      kind: evaluation.kind,
      outcome: evaluation.outcome,
      toMentee: evaluation.toMentee,
      toAdmins: evaluation.toAdmins,
      answers: questions.map((question, index) => ({ question, answer: evaluation.answers[index] ?? "" })),
      authorId: actor.personId,
      at: now,
    });
    if (!inserted) {
      const first = (await listEvaluations(db, mentorship.id)).find((row) => row.kind === evaluation.kind);
      throw new AppError(
        "CONFLICT",
        `The ${EVALUATION_WORDS[evaluation.kind]} was already submitted${first ? ` on ${formatInstantAndUtc(first.submittedAt, mentorship.termTimeZone)}` : ""}; each is submitted once.`,
      );
    }
    const author = { personId: actor.personId, label: actor.name };
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: author,
      action: "evaluation.submitted",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { kind: evaluation.kind, outcome: evaluation.outcome, ...(window.override ? { windowOverride: window.override } : {}) },
      at: now,
    });
    await emailReaders(db, mentorship, [menteeReader(mentorship)], {
      dedupeKey: () => `evaluation:${mentorship.id}:${evaluation.kind}`,
      write: () =>
        evaluationOutcomeMessage({
          baseUrl: options.baseUrl,
          mentorshipId: mentorship.id,
          menteeName: mentorship.menteeName,
          projectTitle: mentorship.projectTitle,
          kind: evaluation.kind,
          outcome: evaluation.outcome,
          toMentee: evaluation.toMentee,
        }),
      now,
    });
    const settled = await settleMentorship(db, mentorship.id, { actor: author, now, baseUrl: options.baseUrl });
    return readMentorship(db, actor, settled, now);
  });
}
