import { z } from "zod";

/** The query of the start of a sign-in. */
export const OidcStartQuery = z.object({
  returnTo: z.string().max(2000).optional().describe('A local path (e.g. "/terms/2026-01") to land on after signing in; anything else lands on "/".'),
});

/** The provider's answer, as it comes back to the callback (RFC 6749 section 4.1.2). */
export const OidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
