import type { EmailContent } from "../../notifications/email-layout.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listConfirmedMentors, type MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";

/** Someone a mentorship's emails go to: its mentee or one of the project's confirmed mentors. */
export interface MentorshipReader {
  id: number;
  name: string;
  email: string | null;
  timeZone: string | null;
  role: "mentee" | "mentor";
}

/** The mentorship's mentee. */
export function menteeReader(mentorship: MentorshipRecord): MentorshipReader {
  return { id: mentorship.personId, name: mentorship.menteeName, email: mentorship.menteeEmail, timeZone: mentorship.menteeTimeZone, role: "mentee" };
}

/** The project's confirmed mentors, in their order. */
export async function mentorReaders(db: Db, mentorship: MentorshipRecord): Promise<MentorshipReader[]> {
  return (await listConfirmedMentors(db, mentorship.projectId)).map((mentor) => ({ ...mentor, role: "mentor" as const }));
}

/**
 * Queues one email to each reader with an address, written for them by `write`, in the caller's
 * transaction; a dedupe key already used sends nothing again. Answers how many were new.
 */
export async function emailReaders(
  db: Db,
  mentorship: MentorshipRecord,
  readers: readonly MentorshipReader[],
  options: { dedupeKey(reader: MentorshipReader): string; write(reader: MentorshipReader): EmailContent; now: Date },
): Promise<number> {
  let sent = 0;
  for (const reader of readers) {
    if (!reader.email) continue;
    const message = options.write(reader);
    const { created } = await enqueueNotification(db, {
      dedupeKey: options.dedupeKey(reader),
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
