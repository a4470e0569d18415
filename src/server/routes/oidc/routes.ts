import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { beginOidcLogin, OIDC_LOGIN_TTL_MS } from "../../../commands/oidc-logins/begin-oidc-login.ts";
import { claimOidcLogin } from "../../../commands/oidc-logins/claim-oidc-login.ts";
import { type OidcRefusal, oidcRefusalOf } from "../../../commands/oidc-logins/oidc-refusals.ts";
import { signInWithOidc } from "../../../commands/sessions/sign-in-with-oidc.ts";
import { sessionKey } from "../../../commands/sessions/start-session.ts";
import { AppError } from "../../../errors/app-error.ts";
import { RedirectResponse } from "../../../schemas/empty.ts";
import { OidcConfigResponse } from "../../../schemas/oidc.ts";
import { Problem } from "../../../schemas/problem.ts";
import { sameSecret } from "../../../security/secrets.ts";
import { SESSION_COOKIE, setSessionCookie } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { createOidcClient, type OidcChecks, type OidcClient } from "../../oidc/client.ts";
import { safeReturnTo } from "../../oidc/return-to.ts";
import { problemResponses } from "../../problem-responses.ts";
import { OidcCallbackQuery, OidcStartQuery } from "./schema.ts";

/** The cookie that ties a sign-in to the browser that started it: it holds the `state`. */
export const OIDC_COOKIE = "cohort_oidc";

const COOKIE_PATH = "/api/auth/oidc";
const CALLBACK_PATH = "/api/auth/oidc/callback";

/** Errors the sign-in page explains, beyond the refusals of the command. */
type CallbackError = "not_configured" | "denied" | "provider_error" | "failed";

/** Both routes create rows or call the provider: a limit per minute slows anyone who loops them. */
const limited = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/**
 * Sign-in with an external OpenID Connect provider: the authorization code flow with PKCE,
 * state and nonce. Both steps are GETs reached by browser navigation, outside the CSRF check:
 * the state, bound to the browser by a cookie, and PKCE protect them instead.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const oidc = context.config.oidc ? createOidcClient(context.config.oidc) : undefined;
  const redirectUri = () => `${context.baseUrl().replace(/\/+$/, "")}${CALLBACK_PATH}`;

  app.get(
    "/api/auth/oidc/config",
    {
      schema: {
        tags: ["accounts"],
        summary: "Whether sign-in with OpenID Connect is on, and its button label",
        response: { 200: OidcConfigResponse },
      },
    },
    async () => ({ enabled: oidc !== undefined, name: oidc?.name ?? null }),
  );

  app.get(
    "/api/auth/oidc/start",
    {
      config: limited,
      schema: {
        tags: ["accounts"],
        summary: "Start signing in with the OpenID Connect provider: redirects to it",
        description: "Navigate the browser here (a link, not fetch). After the provider, the callback lands on returnTo.",
        querystring: OidcStartQuery,
        response: { 302: RedirectResponse, ...problemResponses(400, 404, 429), 500: Problem },
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError("NOT_FOUND", "OpenID Connect is not configured on this server; sign in with your email and password.");
      const authorization = await oidc.authorize(redirectUri());
      await beginOidcLogin({
        database: context.database,
        provider: oidc.issuer,
        state: authorization.state,
        login: { nonce: authorization.nonce, codeVerifier: authorization.codeVerifier, returnTo: safeReturnTo(request.query.returnTo) },
        now: context.now(),
      });
      reply.setCookie(OIDC_COOKIE, authorization.state, { ...cookieOptions(request, context), maxAge: OIDC_LOGIN_TTL_MS / 1000 });
      return reply.redirect(authorization.url.href, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: limited,
      schema: {
        tags: ["accounts"],
        summary: "Where the provider sends the browser back: signs in and redirects to returnTo",
        description: "Failures redirect to /sign-in?error=<code> with a short code the sign-in page explains.",
        querystring: OidcCallbackQuery,
        response: { 302: RedirectResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const bound = request.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, cookieOptions(request, context));
      if (!oidc) return failed(reply, "not_configured");
      const { state, error } = request.query;
      // A state that is not the one this browser started with is another browser's sign-in (login CSRF).
      if (!state || !bound || !sameSecret(state, bound)) return failed(reply, "invalid_state");
      try {
        const login = await claimOidcLogin({ database: context.database, provider: oidc.issuer, state, now: context.now() });
        if (error) {
          request.log.info({ oidcError: error }, "the OpenID Connect provider refused the sign-in");
          return failed(reply, error === "access_denied" ? "denied" : "provider_error");
        }
        const claims = await exchange(oidc, request, redirectUri(), { state, nonce: login.nonce, codeVerifier: login.codeVerifier });
        if (!claims) return failed(reply, "provider_error");
        const previous = request.cookies[SESSION_COOKIE];
        const session = await signInWithOidc({
          database: context.database,
          provider: oidc.issuer,
          claims,
          userAgent: request.headers["user-agent"] ?? null,
          previousSessionHash: previous ? sessionKey(previous) : null,
          now: context.now(),
        });
        setSessionCookie(reply, context, session);
        return reply.redirect(login.returnTo, 302);
      } catch (caught) {
        const refusal = oidcRefusalOf(caught);
        if (refusal) return failed(reply, refusal);
        request.log.error({ err: summary(caught) }, "sign-in with OpenID Connect failed");
        return failed(reply, "failed");
      }
    },
  );
};

/** Exchanges the code; undefined (logged) when the provider's answer does not pass the checks. */
async function exchange(oidc: OidcClient, request: FastifyRequest, redirectUri: string, checks: OidcChecks) {
  // The URL the provider redirected to, rebuilt from the configured address rather than the
  // Host header, with the query exactly as it came (openid-client reads state, code and iss from it).
  const url = new URL(redirectUri);
  url.search = request.url.split("?")[1] ?? "";
  try {
    return await oidc.exchange(url, checks);
  } catch (caught) {
    request.log.warn({ err: summary(caught) }, "the OpenID Connect provider's answer was refused");
    return undefined;
  }
}

function failed(reply: FastifyReply, code: CallbackError | OidcRefusal): FastifyReply {
  return reply.redirect(`/sign-in?error=${code}`, 302);
}

/** What is logged of an error: never the whole object, whose causes may hold a request. */
function summary(error: unknown): { name: string; code: string | undefined; message: string } {
  const code = (error as { code?: unknown }).code;
  return {
    name: error instanceof Error ? error.name : typeof error,
    code: typeof code === "string" ? code : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

function cookieOptions(request: FastifyRequest, context: AppContext) {
  const secure = request.protocol === "https" || (context.config.publicUrl?.startsWith("https://") ?? false);
  return { httpOnly: true, sameSite: "lax" as const, secure, path: COOKIE_PATH };
}
