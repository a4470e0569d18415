import { mentorshipWelcomeMessage } from "../../notifications/mentorship-welcome.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findMentorship, listConfirmedMentors, type MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";
import { createMentorshipInstallments } from "../stipends/installment-moves.ts";
import { planEvaluationReminders } from "./evaluation-reminders.ts";
import { mentorshipTimelineOf } from "./get-mentorship.ts";

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
  const mentors = await listConfirmedMentors(db, mentorship.projectId);
  const readers = [
    { id: mentorship.personId, name: mentorship.menteeName, email: mentorship.menteeEmail, role: "mentee" as const },
    ...mentors.map((mentor) => ({ id: mentor.id, name: mentor.name, email: mentor.email, role: "mentor" as const })),
  ];
  let sent = 0;
  for (const reader of readers) {
    if (!reader.email) continue;
    const message = mentorshipWelcomeMessage({
      baseUrl: options.baseUrl,
      mentorshipId: mentorship.id,
      readerName: reader.name,
      role: reader.role,
      menteeName: mentorship.menteeName,
      mentorNames: mentors.map((mentor) => mentor.name),
      projectTitle: mentorship.projectTitle,
      termTitle: mentorship.termTitle,
    });
    const { created } = await enqueueNotification(db, {
      dedupeKey: `${MENTORSHIP_WELCOME_KIND}:${mentorship.id}:${reader.id}`,
      recipientEmail: reader.email,
      recipientPersonId: reader.id,
      programId: mentorship.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: options.now,
    });
    if (created) sent += 1;
  }
  return sent;
}
