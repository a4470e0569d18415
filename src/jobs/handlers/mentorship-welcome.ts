import { z } from "zod";
import { beginMentorship, MENTORSHIP_WELCOME_KIND } from "../../commands/mentorships/welcome.ts";
import { defineJobHandler } from "./job-handler.ts";

/** At a mentorship's start, it begins (installments, reminders) and its mentee and each of its mentors get one welcome email. */
export const mentorshipWelcome = defineJobHandler({
  kind: MENTORSHIP_WELCOME_KIND,
  payload: z.object({ mentorshipId: z.number().int().positive() }),
  async run({ db, payload, now, baseUrl }) {
    const begun = await beginMentorship(db, { mentorshipId: payload.mentorshipId, now, baseUrl: baseUrl() });
    return { summary: { emailsEnqueued: begun.emails, installmentsCreated: begun.installments ? 1 : 0 } };
  },
});
