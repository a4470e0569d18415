import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getTermReport } from "../../../commands/reports/term-report.ts";
import { getTermSummary } from "../../../commands/reports/term-summary.ts";
import { presentTermReport, presentTermReportCsv, presentTermSummary } from "../../../presenters/term-report-presenter.ts";
import { TermInNumbers, TermReport, TermReportCsv } from "../../../schemas/term-report.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { TermParams, TermReportCsvQuery } from "./schema.ts";

/** A term in numbers: the report for its program's admins, its tables as CSV, and the public summary of a published term. */
export const termReportRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/terms/:term/report",
    {
      schema: {
        tags: ["reports"],
        summary:
          "A term's report: counts from proposals to paid stipends with the share of each step, the most and least crowded projects, and the skills asked for against the applicants who list them (program admins only)",
        params: TermParams,
        response: { 200: TermReport, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const data = await getTermReport({ database: context.database, actor: request.actor, termSlug: request.params.term });
      reply.header("cache-control", "no-store");
      return presentTermReport(data, context.now());
    },
  );

  app.get(
    "/api/terms/:term/report.csv",
    {
      schema: {
        tags: ["reports"],
        summary: "Download one table of a term's report, every row of it, as CSV (RFC 4180, UTF-8; formula cells neutralized) (program admins only)",
        params: TermParams,
        querystring: TermReportCsvQuery,
        produces: ["text/csv"],
        response: { 200: TermReportCsv, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const data = await getTermReport({ database: context.database, actor: request.actor, termSlug: request.params.term });
      const { fileName, csv } = presentTermReportCsv(data, request.query.table);
      return reply
        .type("text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  app.get(
    "/api/terms/:term/summary",
    {
      schema: {
        tags: ["reports"],
        summary: "A published term in numbers, for anyone: aggregate counts from proposals to paid stipends, with no personal data (404 for a draft)",
        params: TermParams,
        response: { 200: TermInNumbers, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentTermSummary(await getTermSummary({ database: context.database, termSlug: request.params.term })),
  );
};
