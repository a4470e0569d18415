import { z } from "zod";

/** `{mentorship}` in a path: a mentorship's id. */
export const MentorshipParams = z.object({
  mentorship: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(2_147_483_647).describe("The mentorship's id."),
});

export { TermParams } from "../terms/schema.ts";
