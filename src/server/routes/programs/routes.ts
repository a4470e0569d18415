import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listPublicPrograms } from "../../../commands/catalog/list-public-programs.ts";
import { listPublicTerms } from "../../../commands/catalog/list-public-terms.ts";
import { presentProgramSummary } from "../../../presenters/program-presenter.ts";
import { presentTermListItem } from "../../../presenters/term-presenter.ts";
import { ProgramListResponse, TermListResponse } from "../../../schemas/catalog.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProgramParams } from "./schema.ts";

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
    async (request) => {
      const now = context.now();
      const programs = await listPublicPrograms(context.database, now, request.actor);
      return { items: programs.map((found) => presentProgramSummary(found, now)) };
    },
  );

  app.get(
    "/api/programs/:program/terms",
    {
      schema: {
        tags: ["catalog"],
        summary: "A program's terms, newest first, with dates, status, next deadline and project count",
        params: ProgramParams,
        response: { 200: TermListResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { program, terms } = await listPublicTerms(context.database, request.params.program, request.actor);
      const now = context.now();
      return { items: terms.map(({ term, timeline, projectCount }) => presentTermListItem(term, program.slug, timeline, projectCount, now)) };
    },
  );
};
