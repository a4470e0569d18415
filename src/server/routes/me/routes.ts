import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createApiToken } from "../../../commands/api-tokens/create-api-token.ts";
import { listOwnApiTokens } from "../../../commands/api-tokens/list-own-api-tokens.ts";
import { revokeOwnApiToken } from "../../../commands/api-tokens/revoke-own-api-token.ts";
import { loadOwnProfile } from "../../../commands/profiles/load-own-profile.ts";
import { updateOwnProfile } from "../../../commands/profiles/update-own-profile.ts";
import { presentMe } from "../../../presenters/me-presenter.ts";
import { type ApiToken, ApiTokenListResponse, CreatedTokenResponse, CreateTokenBody, MeResponse, ProfileBody } from "../../../schemas/account.ts";
import { NoContentResponse } from "../../../schemas/empty.ts";
import type { ApiTokenRow } from "../../../storage/schema.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ApiTokenParams } from "./schema.ts";

function presentToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    scope: row.scope,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** The signed-in person: profile, roles and personal API tokens. */
export const meRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/me",
    {
      schema: {
        tags: ["accounts"],
        summary: "The signed-in person, their roles and the session's CSRF token",
        response: { 200: MeResponse, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const { person, roles } = await loadOwnProfile({ database: context.database, actor });
      return presentMe(person, roles, actor);
    },
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags: ["accounts"],
        summary: "Change your profile: name, pronouns, GitHub handle, time zone, country, skills, portfolio and CV links",
        body: ProfileBody,
        response: { 200: MeResponse, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const actor = requireWriter(request);
      await updateOwnProfile({ database: context.database, actor, changes: request.body, now: context.now() });
      const { person, roles } = await loadOwnProfile({ database: context.database, actor });
      return presentMe(person, roles, actor);
    },
  );

  app.get(
    "/api/me/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary: "Your personal API tokens (never their secrets)",
        response: { 200: ApiTokenListResponse, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      return { items: (await listOwnApiTokens({ database: context.database, actor })).map(presentToken) };
    },
  );

  app.post(
    "/api/me/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary: "Create a personal API token; its secret is shown once",
        body: CreateTokenBody,
        response: { 201: CreatedTokenResponse, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      const created = await createApiToken({ database: context.database, actor, ...request.body, now: context.now() });
      return reply.code(201).send({ ...presentToken(created.row), token: created.token });
    },
  );

  app.delete(
    "/api/me/tokens/:tokenId",
    {
      schema: {
        tags: ["accounts"],
        summary: "Revoke one of your API tokens",
        params: ApiTokenParams,
        response: { 204: NoContentResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      await revokeOwnApiToken({ database: context.database, actor, tokenId: request.params.tokenId, now: context.now() });
      return reply.code(204).send(null);
    },
  );
};
