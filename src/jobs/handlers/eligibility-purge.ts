import { z } from "zod";
import { purgeEndedTermsEligibility } from "../../commands/eligibility/purge-ended-terms.ts";
import { defineJobHandler } from "./job-handler.ts";

const DAY_MS = 24 * 60 * 60_000;

/** Daily: the eligibility answers of terms that ended over a month ago are deleted, as WORKFLOW.md promises applicants. */
export const eligibilityPurge = defineJobHandler({
  kind: "eligibility.purge-ended-terms",
  payload: z.object({}),
  recurring: { key: "eligibility.purge-ended-terms", firstDueAt: (now) => now },
  async run({ db, now }) {
    const purged = await purgeEndedTermsEligibility(db, now);
    return { nextDueAt: new Date(now.getTime() + DAY_MS), summary: purged };
  },
});
