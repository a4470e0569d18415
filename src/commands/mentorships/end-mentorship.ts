import { evaluationDueAt } from "../../domain/evaluations.ts";
import type { RemainingChoice } from "../../domain/installments.ts";
import { formatMoney } from "../../domain/money.ts";
import { proRataAmount } from "../../domain/stipends.ts";
import { findPhase, phaseWindow } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import { mentorshipEndedMessage } from "../../notifications/mentorship-progress.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canManageMentorship } from "../../policies/mentorship-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { programInstallments } from "../../storage/repos/installment-repo.ts";
import type { MentorshipData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { moveAndTell } from "../stipends/installment-moves.ts";
import { cancelEvaluationReminders } from "./evaluation-reminders.ts";
import { mentorshipTimelineOf, readMentorship, requireActive, requireVisibleMentorship } from "./get-mentorship.ts";
import { emailReaders, menteeReader, mentorReaders } from "./mentorship-emails.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * A program admin ends an active mentorship with a reason. Its installments still pending are
 * withheld, or paid pro rata: each becomes due for the share of its period served, its period
 * running from the mentorship's start (or the previous installment's evaluation) to its own
 * evaluation; one whose period had not begun is withheld. Installments already due or further
 * along were earned and stay. The mentee and the mentors are told; the reminders are cancelled.
 */
export async function endMentorship(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  reason: string;
  remaining: RemainingChoice;
  now: Date;
  baseUrl: string;
}): Promise<MentorshipData> {
  const { actor, now, reason } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (!canManageMentorship(actor, mentorship)) throw new AppError("FORBIDDEN", "Only the program's admins end a mentorship.");
    requireActive(mentorship, "an ending");
    const author = { personId: actor.personId, label: actor.name };
    await db
      .updateTable("mentorships")
      .set({ state: "ended", endedAt: now.toISOString(), endReason: reason, updatedAt: now.toISOString() })
      .where("id", "=", mentorship.id)
      .execute();
    await cancelEvaluationReminders(db, mentorship.id);

    const timeline = await mentorshipTimelineOf(db, mentorship);
    const start = findPhase(timeline, "start");
    let periodStart = (start && phaseWindow(start)?.start) ?? (mentorship.begunAt ? new Date(mentorship.begunAt) : now);
    const outcomes: string[] = [];
    const installments = await programInstallments(db, mentorship.programId)
      .where("installments.mentorshipId", "=", mentorship.id)
      .orderBy("position")
      .execute();
    for (const installment of installments) {
      const periodEnd = evaluationDueAt(timeline, installment.releasedBy) ?? now;
      const served = Math.floor((now.getTime() - periodStart.getTime()) / DAY_MS);
      const period = Math.max(1, Math.round((periodEnd.getTime() - periodStart.getTime()) / DAY_MS));
      periodStart = periodEnd;
      if (installment.state !== "pending") continue;
      const amount = options.remaining === "pro_rata" ? proRataAmount(installment.fullAmount, Math.min(served, period), period) : 0;
      if (amount > 0) {
        await moveAndTell(db, installment, "due", {
          change: { dueAt: now.toISOString(), amount },
          actor: author,
          now,
          baseUrl: options.baseUrl,
          audit: { proRata: { servedDays: Math.min(served, period), periodDays: period, before: installment.fullAmount, after: amount } },
        });
        outcomes.push(`${formatMoney(amount, installment.currency)} of ${formatMoney(installment.fullAmount, installment.currency)} (pro rata) is due`);
      } else {
        await moveAndTell(db, installment, "withheld", {
          change: { withheldAt: now.toISOString(), withheldReason: `the mentorship ended: ${reason}` },
          actor: author,
          now,
          baseUrl: options.baseUrl,
        });
        outcomes.push(`${formatMoney(installment.fullAmount, installment.currency)} is withheld`);
      }
    }
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: author,
      action: "mentorship.ended",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { state: { before: "active", after: "ended" }, reason, remaining: options.remaining },
      at: now,
    });
    const remaining = outcomes.length > 0 ? `Of the stipend's remaining installments: ${outcomes.join("; ")}.` : "No stipend installment was pending.";
    // Mentors never see a mentee's stipend: what becomes of it is told to the mentee alone.
    await emailReaders(db, mentorship, [menteeReader(mentorship), ...(await mentorReaders(db, mentorship))], {
      dedupeKey: (reader) => `mentorship.ended:${mentorship.id}:${reader.id}`,
      write: (reader) =>
        mentorshipEndedMessage({
          baseUrl: options.baseUrl,
          mentorshipId: mentorship.id,
          readerName: reader.name,
          projectTitle: mentorship.projectTitle,
          menteeName: mentorship.menteeName,
          reason,
          remaining: reader.role === "mentee" ? remaining : "",
        }),
      now,
    });
    return readMentorship(db, actor, await requireVisibleMentorship(db, actor, mentorship.id), now);
  });
}
