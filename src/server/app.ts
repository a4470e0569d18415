import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "./context.ts";
import { installErrorHandlers } from "./errors.ts";
import { healthRoutes } from "./routes/health/routes.ts";

/** How the app logs: pino options, or false for silence (tests). */
export type AppLogger = FastifyServerOptions["logger"];

/** Options for building the HTTP app. */
export interface BuildAppOptions {
  context: AppContext;
  logger?: AppLogger;
  version?: string;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Headers never written to a log line: they carry credentials. */
export const REDACTED_LOG_PATHS = ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'];

/**
 * Builds the Fastify app: zod validation and serialization on every route, the OpenAPI
 * document generated from the route schemas, problem+json errors and a request id that
 * appears in every log line, in the `x-request-id` header and in every error body.
 */
export async function buildApp({ context, logger = false, version = "0.0.0" }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Cohort API",
        description: "Run open source mentorship programs: programs, terms, timelines, projects, applications.",
        version,
      },
      tags: [{ name: "health", description: "Process and database probes" }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true } });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { context });
  return app;
}
