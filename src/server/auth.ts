import fastifyCookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { authenticate } from "../commands/sessions/authenticate.ts";
import type { NewSession } from "../commands/sessions/start-session.ts";
import { AppError } from "../errors/app-error.ts";
import { type Actor, canWrite, isSignedIn, type SignedIn, VISITOR } from "../policies/actor.ts";
import { sameSecret } from "../security/secrets.ts";
import type { AppContext } from "./context.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "cohort_session";
/** The header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent the request; a visitor when no valid credential came with it. */
    actor: Actor;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const READ_ONLY_TOKEN = "This API token may only read; create a token with the write scope.";

/**
 * Authenticates every request (session cookie or `Authorization: Bearer` token) and guards
 * writes: a cookie-authenticated write must carry the session's CSRF token in `x-csrf-token`,
 * any write whose Origin header names another site is refused, and a read-scope token may
 * not write at all, whatever the route. Tokens are exempt from the CSRF check: a browser
 * never sends them on its own.
 */
export const authPlugin = fp<{ context: AppContext }>(async (app, { context }) => {
  await app.register(fastifyCookie);
  app.decorateRequest("actor");
  app.addHook("onRequest", async (request) => {
    request.actor = VISITOR;
    if (!request.url.startsWith("/api/")) return;
    const header = request.headers.authorization;
    const bearerToken = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    request.actor = await authenticate(context.database, { sessionToken: request.cookies[SESSION_COOKIE], bearerToken }, context.now());
    if (!UNSAFE_METHODS.has(request.method)) return;
    checkOrigin(request);
    const actor = request.actor;
    // Checked here for every route, so that a new route cannot forget it; requireWriter says it again where it is used.
    if (isSignedIn(actor) && !canWrite(actor)) throw new AppError("FORBIDDEN", READ_ONLY_TOKEN);
    // Routes that authenticate by what the body holds (a password, a token from an email) do
    // not act on the cookie's authority, so they need no CSRF token; the Origin check stays.
    const bodyAuthenticated = (request.routeOptions.config as { bodyAuthenticated?: boolean } | undefined)?.bodyAuthenticated === true;
    if (!bodyAuthenticated && isSignedIn(actor) && actor.via.type === "session") {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, actor.via.csrfToken)) {
        const detail = `This change needs the ${CSRF_HEADER} header with the token GET /api/me returns; reload the page and try again.`;
        // The field error lets the web client fetch a fresh token on its code rather than on these words.
        throw new AppError("FORBIDDEN", detail, undefined, { errors: [{ field: `headers.${CSRF_HEADER}`, code: "csrf_token", detail }] });
      }
    }
  });
});

function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "The request's Origin header is malformed.");
  }
  if (host !== request.headers.host) throw new AppError("FORBIDDEN", "Changes are accepted only from Cohort's own pages.");
}

/** The signed-in actor, or UNAUTHENTICATED (401) for a visitor. */
export function requireSignedIn(request: FastifyRequest): SignedIn {
  if (!isSignedIn(request.actor)) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return request.actor;
}

/** The signed-in actor allowed to change things: not a read-only token (403). */
export function requireWriter(request: FastifyRequest): SignedIn {
  const actor = requireSignedIn(request);
  if (!canWrite(actor)) throw new AppError("FORBIDDEN", READ_ONLY_TOKEN);
  return actor;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over https. */
export function setSessionCookie(reply: FastifyReply, context: AppContext, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(reply.request, context),
    path: "/",
    expires: session.expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply, context: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: isHttps(reply.request, context), path: "/" });
}

function isHttps(request: FastifyRequest, context: AppContext): boolean {
  return request.protocol === "https" || (context.config.publicUrl?.startsWith("https://") ?? false);
}
