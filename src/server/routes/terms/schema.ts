import { z } from "zod";
import { Slug } from "../../../schemas/slug.ts";
import { SingleLineText } from "../../../schemas/text.ts";

/** `{term}` in a path. */
export const TermParams = z.object({ term: Slug.describe("The term's slug, e.g. 2024-02-jun-aug.") });

/** The most values of one catalog filter (skills or organizations) in a query. */
const MAX_FILTER_VALUES = 50;

/** A filter given once or several times in a query string, as a list of at most MAX_FILTER_VALUES. */
function repeatedParameter(value: z.ZodString) {
  return z
    .union([value, z.array(value)])
    .optional()
    .transform((given) => (given === undefined ? [] : Array.isArray(given) ? given : [given]))
    .refine((list) => list.length <= MAX_FILTER_VALUES, `must be given at most ${MAX_FILTER_VALUES} times`);
}

/** The catalog's query string: every filter lives in the URL. */
export const CatalogQuery = z.object({
  q: SingleLineText.trim().max(200, "must be at most 200 characters").optional().describe("Free text over title, description, outcome and skills, ranked."),
  skill: repeatedParameter(SingleLineText.max(100, "must be at most 100 characters")).describe("Skill tags; a project must have every one."),
  org: repeatedParameter(SingleLineText.max(200, "must be at most 200 characters")).describe("Organization slugs; a project may belong to any of them."),
  page: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(10_000).default(1),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(100, "must be at most 100").default(20),
});
