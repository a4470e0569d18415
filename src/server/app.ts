import { randomUUID } from "node:crypto";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { isWebPagePath } from "../domain/web-pages.ts";
import { SLUG_MAX_LENGTH } from "../schemas/slug.ts";
import { authPlugin } from "./auth.ts";
import type { AppContext } from "./context.ts";
import { answerUnreadableRequest, installErrorHandlers, sendFrameworkError } from "./errors.ts";
import { BODY_LIMIT, installJsonBodyParser } from "./json-body.ts";
import { createMetrics } from "./metrics.ts";
import { databaseRateLimitStore } from "./rate-limit-store.ts";
import { adminRoutes } from "./routes/admin/routes.ts";
import { applicationBoardRoutes } from "./routes/application-board/routes.ts";
import { applicationRoutes } from "./routes/applications/routes.ts";
import { authRoutes } from "./routes/auth/routes.ts";
import { eligibilityRoutes } from "./routes/eligibility/routes.ts";
import { healthRoutes } from "./routes/health/routes.ts";
import { invitationRoutes } from "./routes/invitations/routes.ts";
import { meRoutes } from "./routes/me/routes.ts";
import { mentorshipRoutes } from "./routes/mentorships/routes.ts";
import { metricsRoutes } from "./routes/metrics/routes.ts";
import { oidcRoutes } from "./routes/oidc/routes.ts";
import { programMentorshipRoutes } from "./routes/program-mentorships/routes.ts";
import { programSetupRoutes } from "./routes/program-setup/routes.ts";
import { programRoutes } from "./routes/programs/routes.ts";
import { projectRoutes } from "./routes/projects/routes.ts";
import { proposalBoardRoutes } from "./routes/proposal-board/routes.ts";
import { proposalRoutes } from "./routes/proposals/routes.ts";
import { reviewRoutes } from "./routes/reviews/routes.ts";
import { selectionRoutes } from "./routes/selection/routes.ts";
import { serverInfoRoutes } from "./routes/server-info/routes.ts";
import { termReportRoutes } from "./routes/term-reports/routes.ts";
import { termSetupRoutes } from "./routes/term-setup/routes.ts";
import { termRoutes } from "./routes/terms/routes.ts";
import { securityHeaders } from "./security-headers.ts";
import { serveWebUi, WEB_DIST, wantsWebPage } from "./web-ui.ts";

/** How the app logs: pino options, or false for silence (tests). */
export type AppLogger = FastifyServerOptions["logger"];

/** Options for building the HTTP app. */
export interface BuildAppOptions {
  context: AppContext;
  logger?: AppLogger;
  version?: string;
  /** Folder of the built web UI; the default is web/dist. */
  webRoot?: string;
  /** Rate limits on sign-in, sign-up and reset; on by default (off only for tests that sign in many times). */
  rateLimits?: boolean;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Headers never written to a log line: they carry credentials. */
export const REDACTED_LOG_PATHS = ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'];

/** Query parameters that carry one-time secrets (an OpenID Connect callback's code and state). */
const SECRET_QUERY_PARAMETERS = /([?&](?:code|state|token|access_token|id_token)=)[^&#]*/gi;

/** A request URL as it may be logged: secrets in the query replaced. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMETERS, "$1[redacted]");
}

/** How requests appear in log lines: method, URL without secrets, host and client address. */
export const LOG_SERIALIZERS = {
  req(request: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
    return { method: request.method, url: loggableUrl(request.url), host: request.hostname, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
  },
};

/**
 * Builds the Fastify app: zod validation and serialization on every route, the OpenAPI
 * document generated from the route schemas, problem+json errors and a request id that
 * appears in every log line, in the `x-request-id` header and in every error body.
 */
export async function buildApp({
  context,
  logger = false,
  version = "0.0.0",
  webRoot = WEB_DIST,
  rateLimits = true,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // Only the configured proxies are believed about the client's address and scheme.
    trustProxy: context.config.trustProxy ?? false,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    bodyLimit: BODY_LIMIT,
    // A path segment the Slug schema would refuse is refused by the router, as a problem.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: SLUG_MAX_LENGTH },
    frameworkErrors: sendFrameworkError,
    clientErrorHandler: answerUnreadableRequest,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);
  await app.register(securityHeaders, {
    helmet: {
      // The web UI loads only its own scripts and styles: no inline code, no third parties.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "https:"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: context.config.publicUrl?.startsWith("https://") ?? false,
    },
  });
  // Limits are counted in the database, so several processes share them; route configs set the numbers.
  if (rateLimits) await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(context.database, context.now) });
  await app.register(authPlugin, { context });
  const hasWebUi = await serveWebUi(app, webRoot);
  installErrorHandlers(app, {
    webPage: (request, reply) => {
      if (!wantsWebPage(request.method, request.url, request.headers.accept)) return undefined;
      // The page itself shows "not found" for an address it does not route; the status says so too.
      const status = isWebPagePath(request.url.split("?")[0] ?? "") ? 200 : 404;
      if (hasWebUi) return reply.code(status).header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The web UI has not been built yet: run `npm run build` (npm start does it for you). The API answers at /api/docs.\n");
    },
  });
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
      tags: [
        { name: "accounts", description: "Sign up, sign in, your profile and API tokens" },
        { name: "admin", description: "Running a program: people, invitations, audit log, outbox" },
        { name: "catalog", description: "Public: programs, terms, timelines and the catalog of accepted projects" },
        { name: "health", description: "Process and database probes" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true }, staticCSP: true });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  const metricsToken = context.config.metricsToken;
  if (metricsToken) {
    const metrics = createMetrics({ database: context.database, now: context.now });
    app.addHook("onResponse", async (request, reply) => metrics.observe(request, reply));
    await app.register(metricsRoutes, { metrics, token: metricsToken });
  }
  await app.register(healthRoutes, { context });
  await app.register(serverInfoRoutes, { context });
  await app.register(authRoutes, { context });
  await app.register(oidcRoutes, { context });
  await app.register(meRoutes, { context });
  await app.register(invitationRoutes, { context });
  await app.register(adminRoutes, { context });
  await app.register(programRoutes, { context });
  await app.register(programSetupRoutes, { context });
  await app.register(termRoutes, { context });
  await app.register(termSetupRoutes, { context });
  await app.register(projectRoutes, { context });
  await app.register(proposalRoutes, { context });
  await app.register(proposalBoardRoutes, { context });
  await app.register(applicationRoutes, { context });
  await app.register(applicationBoardRoutes, { context });
  await app.register(reviewRoutes, { context });
  await app.register(selectionRoutes, { context });
  await app.register(termReportRoutes, { context });
  await app.register(mentorshipRoutes, { context });
  await app.register(programMentorshipRoutes, { context });
  await app.register(eligibilityRoutes, { context });
  return app;
}
