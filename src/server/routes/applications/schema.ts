import { z } from "zod";
import { ProjectParams } from "../projects/schema.ts";

export { ProjectParams };

/** `{application}` in a path: an application's id. */
export const ApplicationParams = z.object({
  application: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(2_147_483_647)
    .describe("The application's id, as its applicant's list and its project's list give it."),
});
