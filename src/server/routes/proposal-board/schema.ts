import { z } from "zod";
import { PROPOSAL_STATES } from "../../../domain/proposal-states.ts";
import { Slug } from "../../../schemas/slug.ts";
import { TermParams } from "../terms/schema.ts";

export { TermParams };

/** `{proposal}` in a path: the proposal's project slug. */
export const ProposalParams = z.object({ proposal: Slug.describe("The proposal's slug, which its project keeps.") });

/** A yes/no filter of a query string: `true` narrows the list, `false` or nothing does not. */
const Flag = z
  .enum(["true", "false"], "must be true or false")
  .optional()
  .transform((value) => value === "true");

/** The board's query string: every filter lives in the URL. */
export const ProposalBoardQuery = z.object({
  organization: Slug.optional().describe("Only this organization's proposals."),
  state: z
    .enum([...PROPOSAL_STATES, "all"])
    .optional()
    .describe("Only proposals in this state; `all` for every state. By default every state but draft."),
  unconfirmed: Flag.describe("`true`: only proposals with a named mentor who has not answered yet."),
  pendingChange: Flag.describe("`true`: only accepted projects with a change waiting for approval."),
});
