import { z } from "zod";
import { MENTORSHIP_WELCOME_KIND, sendMentorshipWelcome } from "../../commands/mentorships/welcome.ts";
import { defineJobHandler } from "./job-handler.ts";

/** At a mentorship's start, one welcome email to its mentee and to each of its mentors. */
export const mentorshipWelcome = defineJobHandler({
  kind: MENTORSHIP_WELCOME_KIND,
  payload: z.object({ mentorshipId: z.number().int().positive() }),
  async run({ db, payload, now, baseUrl }) {
    return { summary: { emailsEnqueued: await sendMentorshipWelcome(db, { mentorshipId: payload.mentorshipId, now, baseUrl: baseUrl() }) } };
  },
});
