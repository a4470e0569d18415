import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ServerInfoResponse } from "../../../schemas/server-info.ts";
import type { AppContext } from "../../context.ts";

/** What the server can do, for pages that must not promise more: whether it sends email. */
export const serverInfoRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/server",
    {
      schema: {
        tags: ["health"],
        summary: "What this server can do: whether it sends email",
        description: "Public: the sign-up and password-reset pages read it to say whether a link is on its way or waits for the operator.",
        response: { 200: ServerInfoResponse },
      },
    },
    async () => ({ sendsEmail: context.config.smtpUrl !== undefined }),
  );
};
