import { DRAFT_REMINDER_OFFSETS, type DraftReminderOffset, draftReminderDueAt } from "../../domain/draft-reminders.ts";
import { listDraftsOf, listPeopleWithDraftsIn } from "../../storage/repos/applicant-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { cancelJob, scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";

// The reminders of unsubmitted drafts are scheduled jobs, one per term, applicant and offset:
// saving a draft plans them, the last draft's submission cancels them, and a moved deadline
// moves them. The job re-checks everything when it runs (send-draft-reminder.ts), so these
// calls keep the queue tidy rather than decide who is reminded.

/** The kind of the reminder jobs. */
export const DRAFT_REMINDER_KIND = "applications.draft-reminder";

/** The job's key, which is also its email's dedupe key: one reminder per term, applicant and offset, ever. */
export function draftReminderKey(termId: number, personId: number, offset: DraftReminderOffset): string {
  return `${DRAFT_REMINDER_KIND}:${termId}:${personId}:${offset}`;
}

/** What scheduling the reminders of one applicant in one term needs. */
export interface ScheduleDraftRemindersOptions {
  termId: number;
  personId: number;
  /** When applications of the term close; null when the timeline has no such instant (nothing is planned). */
  deadline: Date | null;
  now: Date;
}

/**
 * Plans the applicant's reminders before the deadline, in the caller's transaction (a draft was
 * saved): a reminder whose instant is still ahead is scheduled, or moved there if pending; one
 * whose instant has passed is left as it is (due now, or sent). A sent reminder is never sent again.
 */
export function scheduleDraftReminders(db: Db, options: ScheduleDraftRemindersOptions): Promise<void> {
  return planReminders(db, options, { cancelPassed: false });
}

/**
 * Cancels the applicant's pending reminders in the term once no draft of theirs is left there
 * (after a submission or a withdrawal); with a draft left, they stay planned for it.
 */
export async function cancelDraftReminders(db: Db, { termId, personId }: { termId: number; personId: number }): Promise<void> {
  if ((await listDraftsOf(db, { termId, personId })).length > 0) return;
  for (const offset of DRAFT_REMINDER_OFFSETS) await cancelJob(db, draftReminderKey(termId, personId, offset));
}

/**
 * Moves the reminders of every applicant with a draft in the term to a new applications deadline
 * (or cancels them when the timeline no longer has one), in the transaction that changes it.
 */
export async function rescheduleTermDraftReminders(db: Db, { termId, deadline, now }: { termId: number; deadline: Date | null; now: Date }): Promise<void> {
  // A pending reminder whose new instant has passed is cancelled: the deadline moved too close for
  // it, and the applicant hears of the move by the timeline-change email.
  for (const personId of await listPeopleWithDraftsIn(db, termId)) await planReminders(db, { termId, personId, deadline, now }, { cancelPassed: true });
}

async function planReminders(db: Db, { termId, personId, deadline, now }: ScheduleDraftRemindersOptions, { cancelPassed }: { cancelPassed: boolean }) {
  for (const offset of DRAFT_REMINDER_OFFSETS) {
    const key = draftReminderKey(termId, personId, offset);
    const dueAt = deadline ? draftReminderDueAt(deadline, offset) : null;
    if (dueAt && dueAt.getTime() > now.getTime()) {
      await scheduleJob(db, { kind: DRAFT_REMINDER_KIND, key, dueAt, payload: { termId, personId, offset }, at: now });
    } else if (cancelPassed) {
      await cancelJob(db, key);
    }
  }
}
