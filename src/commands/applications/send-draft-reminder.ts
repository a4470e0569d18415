import { applicationsDeadline, type DraftReminderOffset, draftReminderDueAt, draftReminderTimely } from "../../domain/draft-reminders.ts";
import { checkActionOpen } from "../../domain/phase-actions.ts";
import { isKnownTimeZone } from "../../domain/timeline-input.ts";
import { draftReminderMessage } from "../../notifications/application-draft-reminder.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { listDraftsOf } from "../../storage/repos/applicant-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { findTermById, mapTimelines } from "../../storage/repos/term-repo.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";
import { draftReminderKey } from "./draft-reminders.ts";

/** Which reminder to send, and when and where from. */
export interface SendDraftReminderOptions {
  termId: number;
  personId: number;
  offset: DraftReminderOffset;
  /** Where links in the email point. */
  baseUrl: string;
  now: Date;
}

/** What a reminder's run did: enqueued its email, had nothing to say, or is not due yet (the deadline moved later). */
export type DraftReminderResult = { kind: "sent"; drafts: number } | { kind: "nothing_to_send" } | { kind: "early"; dueAt: Date };

/**
 * Sends one reminder of the applicant's unsubmitted drafts in a term, in the caller's transaction,
 * after checking again what may have changed since it was planned: the applications window is
 * still open, the reminder's instant has come for the deadline as it is now (and no later
 * reminder's has), and a draft is left. Its email's dedupe key is the job's key, so a run
 * repeated after a crash enqueues nothing more.
 */
export async function sendDraftReminder(db: Db, { termId, personId, offset, baseUrl, now }: SendDraftReminderOptions): Promise<DraftReminderResult> {
  const term = await findTermById(db, termId);
  if (!term) return { kind: "nothing_to_send" };
  const timeline = toTermTimeline(term, (await mapTimelines(db, [termId])).get(termId) ?? []);
  const deadline = applicationsDeadline(timeline);
  if (!deadline) return { kind: "nothing_to_send" };
  const dueAt = draftReminderDueAt(deadline, offset);
  if (now.getTime() < dueAt.getTime()) return { kind: "early", dueAt };
  if (!checkActionOpen(timeline, "submitApplication", now).open || !draftReminderTimely(deadline, offset, now)) return { kind: "nothing_to_send" };

  const drafts = await listDraftsOf(db, { termId, personId });
  const person = await findPersonById(db, personId);
  if (drafts.length === 0 || !person?.email) return { kind: "nothing_to_send" };
  const message = draftReminderMessage({
    baseUrl,
    name: person.name,
    termTitle: term.title,
    termTimeZone: term.timeZone,
    readerTimeZone: person.timeZone && isKnownTimeZone(person.timeZone) ? person.timeZone : null,
    deadline,
    now,
    drafts,
  });
  await enqueueNotification(db, {
    dedupeKey: draftReminderKey(termId, personId, offset),
    recipientEmail: person.email,
    recipientPersonId: person.id,
    programId: term.programId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    at: now,
  });
  return { kind: "sent", drafts: drafts.length };
}
