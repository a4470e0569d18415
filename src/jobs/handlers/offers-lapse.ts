import { z } from "zod";
import { lapseOffer } from "../../commands/offers/lapse-offer.ts";
import { OFFER_LAPSE_KIND } from "../../commands/offers/offer-effects.ts";
import { defineJobHandler } from "./job-handler.ts";

/** An offer unanswered at its deadline lapses, and its slot goes to the project's waitlist with a new offer email. */
export const offersLapse = defineJobHandler({
  kind: OFFER_LAPSE_KIND,
  payload: z.object({ applicationId: z.number().int().positive() }),
  async run({ db, payload, now, baseUrl }) {
    const result = await lapseOffer(db, { applicationId: payload.applicationId, now, baseUrl: baseUrl() });
    if (result.kind === "early") return { nextDueAt: result.dueAt };
    return { summary: { lapsed: result.kind === "lapsed" ? 1 : 0, offeredNext: result.kind === "lapsed" ? result.offeredNext.length : 0 } };
  },
});
