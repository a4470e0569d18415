import { z } from "zod";

/** Whether sign-in with OpenID Connect is on, and the label of its button. */
export const OidcConfigResponse = z
  .object({
    enabled: z.boolean(),
    name: z.string().nullable().describe('The button label, e.g. "CNCF account"; null when sign-in with OpenID Connect is off.'),
  })
  .meta({ id: "OidcConfig" });
/** Whether sign-in with OpenID Connect is on. */
export type OidcConfigResponse = z.infer<typeof OidcConfigResponse>;
