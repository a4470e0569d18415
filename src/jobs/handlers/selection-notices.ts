import { z } from "zod";
import { SELECTION_NOTICES_KIND, sendOutcomeNotices } from "../../commands/selection/outcome-notices.ts";
import { defineJobHandler, type JobOutcome } from "./job-handler.ts";

/**
 * The outcome notices of a published selection, on the notifications instant: the offers, the
 * applications not selected, and one email per applicant, in one transaction. A notifications
 * instant moved later makes it wait for the new one; once sent, it never sends again.
 */
export const selectionNotices = defineJobHandler({
  kind: SELECTION_NOTICES_KIND,
  payload: z.object({ termId: z.number().int().positive() }),
  async run({ db, payload, now, baseUrl }): Promise<JobOutcome> {
    const result = await sendOutcomeNotices(db, { termId: payload.termId, now, baseUrl: baseUrl() });
    if (result.kind === "early") return { nextDueAt: result.dueAt, summary: { emailsEnqueued: 0 } };
    if (result.kind === "done-before") return { summary: { emailsEnqueued: 0 } };
    return { summary: { offers: result.offers, notSelected: result.notSelected, emailsEnqueued: result.emails } };
  },
});
