import { z } from "zod";

/** The answer to signing in: what happened, and the CSRF token for the new session. */
export const SignedInResponse = z
  .object({
    message: z.string(),
    csrfToken: z.string().describe("Send it as x-csrf-token on every change made with the session cookie."),
  })
  .meta({ id: "SignedIn" });
