import { z } from "zod";
import { Deadline } from "./catalog.ts";

/** What a term needs from its admins now, for the admin's home page. */
export const TermHealth = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string(), published: z.boolean() }),
    waiting: z
      .object({ submitted: z.number().int(), changesRequested: z.number().int() })
      .describe("Proposals waiting for a decision: submitted, and sent back for changes (the maintainer's turn)."),
    unconfirmedMentors: z.number().int().describe("Submitted or accepted proposals with a named mentor who has not answered yet."),
    pendingChanges: z.number().int().describe("Accepted projects with an edit waiting for an admin's approval."),
    slots: z.object({ accepted: z.number().int(), budget: z.number().int().nullable() }),
    nextDeadline: Deadline.nullable(),
  })
  .meta({ id: "TermHealth" });
/** A term's health. */
export type TermHealth = z.infer<typeof TermHealth>;

/** `GET /api/terms/{term}/page.md`: the term's canonical Markdown page. */
export const TermPageResponse = z.string().describe("text/markdown");
