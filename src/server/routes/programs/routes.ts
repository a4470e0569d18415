import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listPublicPrograms, listPublicTerms } from "../../../commands/public-catalog.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProgramListResponse, ProgramParams, TermListResponse } from "./schema.ts";

/** Public routes for programs and their terms. */
export const programRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/programs",
    {
      schema: {
        tags: ["catalog"],
        summary: "Every program, each with its current term and next deadline",
        response: { 200: ProgramListResponse },
      },
    },
    async () => ({ items: await listPublicPrograms(context.database, context.now()) }),
  );

  app.get(
    "/api/programs/:program/terms",
    {
      schema: {
        tags: ["catalog"],
        summary: "A program's terms, newest first, with status and next deadline",
        params: ProgramParams,
        response: { 200: TermListResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({ items: await listPublicTerms(context.database, request.params.program, context.now()) }),
  );
};
