import { z } from "zod";
import { EVALUATION_REMINDER_KIND, sendEvaluationReminder } from "../../commands/mentorships/evaluation-reminders.ts";
import { EVALUATION_REMINDER_OFFSETS } from "../../domain/evaluations.ts";
import { EVALUATION_KINDS } from "../../domain/stipends.ts";
import { defineJobHandler } from "./job-handler.ts";

/** 3 days and 1 day before an evaluation is due: a reminder to whoever has not submitted their part. */
export const evaluationsReminder = defineJobHandler({
  kind: EVALUATION_REMINDER_KIND,
  payload: z.object({ mentorshipId: z.number().int().positive(), kind: z.enum(EVALUATION_KINDS), offset: z.enum(EVALUATION_REMINDER_OFFSETS) }),
  async run({ db, payload, now, baseUrl }) {
    return { summary: { emailsEnqueued: await sendEvaluationReminder(db, { ...payload, now, baseUrl: baseUrl() }) } };
  },
});
