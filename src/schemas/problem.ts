import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors/app-error.ts";

/** An error body, as RFC 9457 `application/problem+json`, with Cohort's stable code. */
export const Problem = z
  .object({
    type: z.string().describe("A URI naming the kind of problem: urn:cohort:error:<code>."),
    title: z.string().describe("A short summary of the kind of problem."),
    status: z.number().int(),
    detail: z.string().describe("What went wrong and what to do about it, in words a person can act on."),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    instance: z.string().describe("The request path."),
    requestId: z.string().describe("Quote it when reporting a problem: it finds the request in the logs."),
    details: z.record(z.string(), z.unknown()).optional(),
    errors: z
      .array(
        z.object({
          field: z.string().describe("The input at fault: a body field as `email`, others with their part as `query.org` or `params.slug`."),
          code: z.string().describe("A stable machine code, e.g. required, too_small, too_big, invalid_format, invalid_characters."),
          detail: z.string().describe("What is wrong with it, in words a person can act on."),
        }),
      )
      .optional()
      .describe("The inputs that caused the failure; clients branch on code, never on the words."),
  })
  .meta({ id: "Problem" });

/** An error body. */
export type Problem = z.infer<typeof Problem>;
