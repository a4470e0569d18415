import { z } from "zod";
import { ApplicationParams } from "../applications/schema.ts";
import { TermParams } from "../terms/schema.ts";

/** `{term}` and `{application}`: an application of the term to pin or exclude. */
export const OverrideParams = TermParams.extend(ApplicationParams.shape);

/** `{term}` and `{person}`: an applicant whose outcome email of the dry run to read. */
export const NoticeParams = TermParams.extend({
  person: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(2_147_483_647)
    .describe("The applicant's person id, as the dry run lists it."),
});
