import { mentorshipWelcomeMessage } from "../../notifications/mentorship-welcome.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findMentorship, type MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";
import { createMentorshipInstallments } from "../stipends/installment-moves.ts";
import { planEvaluationReminders } from "./evaluation-reminders.ts";
import { mentorshipTimelineOf } from "./get-mentorship.ts";
import { emailReaders, menteeReader, mentorReaders } from "./mentorship-emails.ts";

/** The kind of the job that welcomes a mentorship's mentee and mentors at its start. */
export const MENTORSHIP_WELCOME_KIND = "mentorship.welcome";

/** Plans the welcome of a new mentorship at the term's start (at once when it has begun), in the caller's transaction. */
export async function scheduleMentorshipWelcome(db: Db, options: { mentorshipId: number; startsAt: Date | null; now: Date }): Promise<void> {
  const dueAt = options.startsAt && options.startsAt.getTime() > options.now.getTime() ? options.startsAt : options.now;
  await scheduleJob(db, {
    kind: MENTORSHIP_WELCOME_KIND,
    key: `${MENTORSHIP_WELCOME_KIND}:${options.mentorshipId}`,
    dueAt,
    payload: { mentorshipId: options.mentorshipId },
    at: options.now,
  });
}

/**
 * The start job's effect, once per mentorship: it begins (its stipend installments are created
 * from the program's policy and its evaluation reminders planned), and its mentee and each
 * confirmed mentor get one welcome email. Nothing for a mentorship that ended first.
 */
export async function beginMentorship(
  db: Db,
  options: { mentorshipId: number; now: Date; baseUrl: string },
): Promise<{ emails: number; installments: boolean }> {
  const mentorship = await findMentorship(db, options.mentorshipId);
  if (mentorship?.state !== "active") return { emails: 0, installments: false };
  let installments = false;
  if (mentorship.begunAt === null) {
    const { now } = options;
    await db.updateTable("mentorships").set({ begunAt: now.toISOString(), updatedAt: now.toISOString() }).where("id", "=", mentorship.id).execute();
    installments = await createMentorshipInstallments(db, mentorship, now);
    await planEvaluationReminders(db, { mentorshipId: mentorship.id, timeline: await mentorshipTimelineOf(db, mentorship), now, cancelPassed: false });
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: { personId: null, label: "Cohort" },
      action: "mentorship.begun",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { installments },
      at: now,
    });
  }
  return { emails: await sendMentorshipWelcome(db, mentorship, options), installments };
}

async function sendMentorshipWelcome(db: Db, mentorship: MentorshipRecord, options: { now: Date; baseUrl: string }): Promise<number> {
  const mentors = await mentorReaders(db, mentorship);
  return emailReaders(db, mentorship, [menteeReader(mentorship), ...mentors], {
    dedupeKey: (reader) => `${MENTORSHIP_WELCOME_KIND}:${mentorship.id}:${reader.id}`,
    write: (reader) =>
      mentorshipWelcomeMessage({
        baseUrl: options.baseUrl,
        mentorshipId: mentorship.id,
        readerName: reader.name,
        role: reader.role,
        menteeName: mentorship.menteeName,
        mentorNames: mentors.map((mentor) => mentor.name),
        projectTitle: mentorship.projectTitle,
        termTitle: mentorship.termTitle,
      }),
    now: options.now,
  });
}
