import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { copyTerm } from "../../../commands/terms/copy-term.ts";
import { createTerm } from "../../../commands/terms/create-term.ts";
import { getTermSetup } from "../../../commands/terms/get-term-setup.ts";
import { publishTerm } from "../../../commands/terms/publish-term.ts";
import { updateTerm } from "../../../commands/terms/update-term.ts";
import { presentTermSetup } from "../../../presenters/term-setup-presenter.ts";
import { TermCopyBody, TermSetup, TermSetupBody, TermUpdateBody } from "../../../schemas/term-setup.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProgramParams, TermParams } from "./schema.ts";

/** A program's admins set up its terms: create one as a draft, edit it, publish it, copy it. */
export const termSetupRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const restricted = problemResponses(400, 401, 403, 404);
  const writes = problemResponses(400, 401, 403, 404, 409);

  app.post(
    "/api/programs/:program/terms",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a term as a draft: settings and its timeline in local times of the term's zone (program admins only)",
        params: ProgramParams,
        body: TermSetupBody,
        response: { 201: TermSetup, ...writes },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      const created = await createTerm({ database: context.database, actor, programSlug: request.params.program, body: request.body, now: context.now() });
      return reply.code(201).send(presentTermSetup(created));
    },
  );

  app.get(
    "/api/terms/:term/setup",
    {
      schema: {
        tags: ["admin"],
        summary: "A term as its admins edit it, draft or published, its timeline in local times (program admins only)",
        params: TermParams,
        response: { 200: TermSetup, ...restricted },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      return presentTermSetup(await getTermSetup({ database: context.database, actor, termSlug: request.params.term }));
    },
  );

  app.patch(
    "/api/terms/:term/setup",
    {
      schema: {
        tags: ["admin"],
        summary: "Change a term's settings or its whole timeline; closing a phase open now needs confirmClosingOpenPhase (program admins only)",
        description:
          "Once the term is published, its slug stays, a timeline change is audited row by row and each maintainer with a proposal in the term gets one email naming a change to the proposals phase.",
        params: TermParams,
        body: TermUpdateBody,
        response: { 200: TermSetup, ...writes },
      },
    },
    async (request) => {
      const actor = requireWriter(request);
      const updated = await updateTerm({
        database: context.database,
        actor,
        termSlug: request.params.term,
        body: request.body,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentTermSetup(updated);
    },
  );

  app.post(
    "/api/terms/:term/publish",
    {
      schema: {
        tags: ["admin"],
        summary: "Publish a draft term: everyone sees it from now on, and its slug is fixed (program admins only)",
        params: TermParams,
        response: { 200: TermSetup, ...restricted },
      },
    },
    async (request) => {
      const actor = requireWriter(request);
      return presentTermSetup(await publishTerm({ database: context.database, actor, termSlug: request.params.term, now: context.now() }));
    },
  );

  app.post(
    "/api/terms/:term/copy",
    {
      schema: {
        tags: ["admin"],
        summary: "New term like this one: a draft with the same settings and the timeline moved by whole weeks (program admins only)",
        params: TermParams,
        body: TermCopyBody,
        response: { 201: TermSetup, ...writes },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      const copied = await copyTerm({ database: context.database, actor, termSlug: request.params.term, body: request.body, now: context.now() });
      return reply.code(201).send(presentTermSetup(copied));
    },
  );
};
