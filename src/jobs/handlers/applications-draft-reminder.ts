import { z } from "zod";
import { DRAFT_REMINDER_KIND } from "../../commands/applications/draft-reminders.ts";
import { sendDraftReminder } from "../../commands/applications/send-draft-reminder.ts";
import { DRAFT_REMINDER_OFFSETS } from "../../domain/draft-reminders.ts";
import { defineJobHandler } from "./job-handler.ts";

/**
 * The reminder of an applicant's unsubmitted drafts, a day and an hour before applications
 * close: it sends one email listing them, or nothing when they were submitted, the window closed
 * or the deadline moved; a deadline moved later makes it wait for its new instant instead.
 */
export const applicationsDraftReminder = defineJobHandler({
  kind: DRAFT_REMINDER_KIND,
  payload: z.object({ termId: z.number().int().positive(), personId: z.number().int().positive(), offset: z.enum(DRAFT_REMINDER_OFFSETS) }),
  async run({ db, payload, now, baseUrl }) {
    const result = await sendDraftReminder(db, { ...payload, baseUrl: baseUrl(), now });
    if (result.kind === "early") return { nextDueAt: result.dueAt, summary: { emailsEnqueued: 0 } };
    return { summary: { emailsEnqueued: result.kind === "sent" ? 1 : 0 } };
  },
});
