import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../../errors/app-error.ts";
import { MetricsText } from "../../../schemas/health.ts";
import { hashSecret, sameSecret } from "../../../security/secrets.ts";
import type { Metrics } from "../../metrics.ts";
import { problemResponses } from "../../problem-responses.ts";

/**
 * `GET /metrics` for Prometheus, registered only when COHORT_METRICS_TOKEN is set, and answered
 * only to requests bearing that token (`Authorization: Bearer …`): request counts and latencies
 * tell an outsider too much about who uses the server.
 */
export const metricsRoutes: FastifyPluginAsyncZod<{ metrics: Metrics; token: string }> = async (app, { metrics, token }) => {
  app.get(
    "/metrics",
    {
      schema: {
        tags: ["operations"],
        summary: "Metrics in the Prometheus text format (only with COHORT_METRICS_TOKEN set, and only to a request bearing it)",
        produces: ["text/plain"],
        response: { 200: MetricsText, ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
      // Hashes first, so the comparison takes as long whatever the length of what was sent.
      if (!bearer || !sameSecret(hashSecret(bearer), hashSecret(token))) {
        throw new AppError("UNAUTHENTICATED", "Send the metrics token as `Authorization: Bearer <COHORT_METRICS_TOKEN>`.");
      }
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).header("cache-control", "no-store").send(body);
    },
  );
};
