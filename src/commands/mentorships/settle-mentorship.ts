import { EVALUATION_WORDS, type EvaluationProgress, releases } from "../../domain/evaluations.ts";
import type { EvaluationKind } from "../../domain/stipends.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listEvaluations } from "../../storage/repos/evaluation-repo.ts";
import { programInstallments } from "../../storage/repos/installment-repo.ts";
import { findMentorship, type MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { type MoveActor, moveAndTell } from "../stipends/installment-moves.ts";

/**
 * Brings a mentorship's installments and state in line with what has been submitted, in the
 * caller's transaction (after an evaluation or the mentee's final report):
 *
 * - an installment whose evaluation passed (and for the final, whose mentee's report is in too)
 *   becomes due;
 * - a failed evaluation ends the mentorship, and every installment still pending is withheld;
 * - a passed final evaluation with the report in completes it.
 *
 * Running it again changes nothing, so every caller may simply call it.
 */
export async function settleMentorship(db: Db, mentorshipId: number, options: { actor: MoveActor; now: Date; baseUrl: string }): Promise<MentorshipRecord> {
  const { now } = options;
  const mentorship = await findMentorship(db, mentorshipId);
  if (!mentorship) throw new Error(`mentorship ${mentorshipId} vanished while being settled`);
  const evaluations = await listEvaluations(db, mentorship.id);
  const progress = (kind: EvaluationKind): EvaluationProgress => ({
    outcome: evaluations.find((evaluation) => evaluation.kind === kind)?.outcome ?? null,
    menteeReportIn: mentorship.reportSubmittedAt !== null,
  });
  const failed = evaluations.find((evaluation) => evaluation.outcome === "fail");

  if (failed && mentorship.state === "active") {
    const reason = `The ${EVALUATION_WORDS[failed.kind]} did not pass.`;
    await db
      .updateTable("mentorships")
      .set({ state: "ended", endedAt: now.toISOString(), endReason: reason, updatedAt: now.toISOString() })
      .where("id", "=", mentorship.id)
      .execute();
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: options.actor,
      action: "mentorship.ended",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { state: { before: "active", after: "ended" }, reason, remaining: "withheld" },
      at: now,
    });
  }

  const installments = await programInstallments(db, mentorship.programId).where("installments.mentorshipId", "=", mentorship.id).orderBy("position").execute();
  for (const installment of installments) {
    if (installment.state !== "pending") continue;
    if (failed) {
      await moveAndTell(db, installment, "withheld", {
        change: { withheldAt: now.toISOString(), withheldReason: `the ${EVALUATION_WORDS[failed.kind]} did not pass` },
        actor: options.actor,
        now,
        baseUrl: options.baseUrl,
      });
    } else if (releases(installment.releasedBy, progress(installment.releasedBy))) {
      await moveAndTell(db, installment, "due", { change: { dueAt: now.toISOString() }, actor: options.actor, now, baseUrl: options.baseUrl });
    }
  }

  if (!failed && mentorship.state === "active" && releases("final", progress("final"))) {
    await db
      .updateTable("mentorships")
      .set({ state: "completed", completedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where("id", "=", mentorship.id)
      .execute();
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: options.actor,
      action: "mentorship.completed",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { state: { before: "active", after: "completed" } },
      at: now,
    });
  }
  const settled = await findMentorship(db, mentorship.id);
  if (!settled) throw new Error(`mentorship ${mentorshipId} vanished while being settled`);
  return settled;
}
