import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HealthResponse, ReadyResponse } from "../../../schemas/health.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";

/** Liveness and readiness probes for process managers and load balancers. */
export const healthRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["health"],
        summary: "The process is alive",
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["health"],
        summary: "The database answers, so the server can take requests",
        response: { 200: ReadyResponse, ...problemResponses(503) },
      },
    },
    async () => {
      await context.database.ping();
      return { status: "ready" as const, database: context.database.dialect };
    },
  );
};
