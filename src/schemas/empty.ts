import { z } from "zod";

/** A 204 answer: nothing to say beyond the status. */
export const NoContentResponse = z.null().describe("No content");

/** A redirect: the Location header says where to, and there is no body. */
export const RedirectResponse = z.null().describe("Redirect (see the Location header)");
