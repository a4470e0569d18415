import { z } from "zod";
import { Slug } from "../../../schemas/slug.ts";
import { SingleLineText } from "../../../schemas/text.ts";
import { TermParams } from "../terms/schema.ts";

export { TermParams };

/** `{proposal}` in a path: the proposal's project slug. */
export const ProposalParams = z.object({ proposal: Slug.describe("The proposal's slug, which its project keeps.") });

/** `{proposal}` and `{person}` in a path: a mentor the proposal names. */
export const ProposalMentorParams = ProposalParams.extend({
  person: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(2_147_483_647)
    .describe("The mentor's person id, as the proposal lists it."),
});

/** The skill suggestions' query string: what was typed so far. */
export const SkillSuggestionsQuery = z.object({
  q: SingleLineText.trim().max(80, "must be at most 80 characters").default("").describe("The start of a skill, or any part of it."),
});
