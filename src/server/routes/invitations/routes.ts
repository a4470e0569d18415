import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { acceptInvitation } from "../../../commands/invitations/accept-invitation.ts";
import { lookupInvitation } from "../../../commands/invitations/lookup-invitation.ts";
import { TokenBody } from "../../../schemas/account.ts";
import { InvitationSummary } from "../../../schemas/invitation.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { CREDENTIALS_BODY_LIMIT } from "../../json-body.ts";
import { problemResponses } from "../../problem-responses.ts";

// The token travels in the body, never in the URL, so it never reaches an access log.

/** Reading and accepting an invitation from its emailed link. */
export const invitationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    "/api/invitations/lookup",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: { rateLimit: { max: 30, timeWindow: "1 minute" }, bodyAuthenticated: true },
      schema: {
        tags: ["accounts"],
        summary: "What an invitation offers, from its token",
        body: TokenBody,
        response: { 200: InvitationSummary, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => lookupInvitation({ database: context.database, token: request.body.token, now: context.now() }),
  );

  app.post(
    "/api/invitations/accept",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Accept an invitation with the account of the address it was sent to",
        body: TokenBody,
        response: { 200: InvitationSummary, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acceptInvitation({ database: context.database, actor: requireWriter(request), token: request.body.token, now: context.now() }),
  );
};
