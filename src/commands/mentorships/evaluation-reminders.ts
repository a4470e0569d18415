import { timeLeftWords } from "../../domain/draft-reminders.ts";
import {
  EVALUATION_REMINDER_OFFSETS,
  type EvaluationReminderOffset,
  evaluationDueAt,
  evaluationReminderDueAt,
  evaluationReminderTimely,
  missingParts,
} from "../../domain/evaluations.ts";
import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import { EVALUATION_KINDS, type EvaluationKind } from "../../domain/stipends.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { evaluationReminderMessage } from "../../notifications/mentorship-progress.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listEvaluations } from "../../storage/repos/evaluation-repo.ts";
import { findMentorship } from "../../storage/repos/mentorship-repo.ts";
import { cancelJob, scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";
import { mentorshipTimelineOf } from "./get-mentorship.ts";
import { emailReaders, menteeReader, mentorReaders } from "./mentorship-emails.ts";

// The reminders before a mentorship's evaluations are due are scheduled jobs, one per
// mentorship, evaluation and offset (3 days and 1 day before): its start plans them, an
// extension or a moved term date moves them, its end cancels them. The job re-checks what is
// missing when it runs, so these calls keep the queue tidy rather than decide who is reminded.

/** The kind of the reminder jobs. */
export const EVALUATION_REMINDER_KIND = "evaluations.reminder";

/** The job's key, which also keys its emails: one reminder per mentorship, evaluation and offset, ever. */
export function evaluationReminderKey(mentorshipId: number, kind: EvaluationKind, offset: EvaluationReminderOffset): string {
  return `${EVALUATION_REMINDER_KIND}:${mentorshipId}:${kind}:${offset}`;
}

/** Plans (or moves) a mentorship's reminders on its timeline; one whose instant has passed is cancelled when `cancelPassed`. */
export async function planEvaluationReminders(
  db: Db,
  options: { mentorshipId: number; timeline: TermTimeline; now: Date; cancelPassed: boolean },
): Promise<void> {
  for (const kind of EVALUATION_KINDS) {
    const dueAt = evaluationDueAt(options.timeline, kind);
    for (const offset of EVALUATION_REMINDER_OFFSETS) {
      const key = evaluationReminderKey(options.mentorshipId, kind, offset);
      const at = dueAt ? evaluationReminderDueAt(dueAt, offset) : null;
      if (at && at.getTime() > options.now.getTime()) {
        await scheduleJob(db, {
          kind: EVALUATION_REMINDER_KIND,
          key,
          dueAt: at,
          payload: { mentorshipId: options.mentorshipId, kind, offset },
          at: options.now,
        });
      } else if (options.cancelPassed) {
        await cancelJob(db, key);
      }
    }
  }
}

/** Cancels every pending reminder of a mentorship (it ended). */
export async function cancelEvaluationReminders(db: Db, mentorshipId: number): Promise<void> {
  for (const kind of EVALUATION_KINDS) for (const offset of EVALUATION_REMINDER_OFFSETS) await cancelJob(db, evaluationReminderKey(mentorshipId, kind, offset));
}

/** Moves the reminders of every active mentorship of a term after its timeline changed, in that change's transaction. */
export async function rescheduleTermEvaluationReminders(db: Db, { termId, now }: { termId: number; now: Date }): Promise<void> {
  const ids = await db
    .selectFrom("mentorships")
    .select("id")
    .where("termId", "=", termId)
    .where("state", "=", "active")
    .where("begunAt", "is not", null)
    .execute();
  for (const { id } of ids) {
    const mentorship = await findMentorship(db, id);
    if (mentorship) await planEvaluationReminders(db, { mentorshipId: id, timeline: await mentorshipTimelineOf(db, mentorship), now, cancelPassed: true });
  }
}

/**
 * The reminder job's effect: an email to each who still owes part of the evaluation (the
 * mentors their evaluation; for the final, the mentee their report), if the mentorship is active
 * and the reminder is still timely on its current timeline. Each reader hears once per reminder.
 */
export async function sendEvaluationReminder(
  db: Db,
  options: { mentorshipId: number; kind: EvaluationKind; offset: EvaluationReminderOffset; now: Date; baseUrl: string },
): Promise<number> {
  const mentorship = await findMentorship(db, options.mentorshipId);
  if (mentorship?.state !== "active") return 0;
  const dueAt = evaluationDueAt(await mentorshipTimelineOf(db, mentorship), options.kind);
  if (!dueAt || !evaluationReminderTimely(dueAt, options.offset, options.now)) return 0;
  const evaluation = (await listEvaluations(db, mentorship.id)).find((row) => row.kind === options.kind);
  const missing = missingParts(options.kind, { outcome: evaluation?.outcome ?? null, menteeReportIn: mentorship.reportSubmittedAt !== null });
  const readers = [
    ...(missing.includes("evaluation") ? await mentorReaders(db, mentorship) : []),
    ...(missing.includes("mentee_report") ? [menteeReader(mentorship)] : []),
  ];
  return emailReaders(db, mentorship, readers, {
    dedupeKey: (reader) => `${evaluationReminderKey(mentorship.id, options.kind, options.offset)}:${reader.id}`,
    write: (reader) =>
      evaluationReminderMessage({
        baseUrl: options.baseUrl,
        mentorshipId: mentorship.id,
        readerName: reader.name,
        role: reader.role,
        menteeName: mentorship.menteeName,
        projectTitle: mentorship.projectTitle,
        kind: options.kind,
        dueWords: formatInstantAndUtc(dueAt, reader.timeZone ?? mentorship.termTimeZone),
        timeLeft: timeLeftWords(dueAt, options.now),
      }),
    now: options.now,
  });
}
