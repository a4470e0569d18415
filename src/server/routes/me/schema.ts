import { z } from "zod";

/** `{tokenId}` in a path. */
export const ApiTokenParams = z.object({ tokenId: z.coerce.number().int().positive().describe("The token's id, as its listing shows it.") });
