import { z } from "zod";

/** `GET /api/server`: what this server can do that pages must not promise otherwise. */
export const ServerInfoResponse = z
  .object({
    sendsEmail: z
      .boolean()
      .describe("Whether the server has an SMTP server to send email through; without one, emails wait in the outbox for its operator (`cohort outbox`)."),
  })
  .meta({ id: "ServerInfo" });
/** What this server can do. */
export type ServerInfoResponse = z.infer<typeof ServerInfoResponse>;
