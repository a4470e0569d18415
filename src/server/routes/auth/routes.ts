import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requestPasswordReset } from "../../../commands/accounts/request-password-reset.ts";
import { resendConfirmation } from "../../../commands/accounts/resend-confirmation.ts";
import { resetPassword } from "../../../commands/accounts/reset-password.ts";
import { signUp } from "../../../commands/accounts/sign-up.ts";
import { verifyEmail } from "../../../commands/accounts/verify-email.ts";
import { signIn } from "../../../commands/sessions/sign-in.ts";
import { signOut } from "../../../commands/sessions/sign-out.ts";
import { type SignedOutEverywhere, signOutEverywhere } from "../../../commands/sessions/sign-out-everywhere.ts";
import { sessionKey } from "../../../commands/sessions/start-session.ts";
import {
  AcceptedResponse,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ResendConfirmationBody,
  SignedInResponse,
  SignedOutEverywhereResponse,
  SignInBody,
  SignOutEverywhereBody,
  SignUpBody,
  TokenBody,
} from "../../../schemas/account.ts";
import { NoContentResponse } from "../../../schemas/empty.ts";
import { clearSessionCookie, requireSignedIn, requireWriter, SESSION_COOKIE, setSessionCookie } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { CREDENTIALS_BODY_LIMIT } from "../../json-body.ts";
import { problemResponses } from "../../problem-responses.ts";

/** A route that authenticates by its body (credentials or an emailed token), limited per minute. */
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" }, bodyAuthenticated: true });

/** Sign up, confirm the email, sign in and out, reset a password. */
export const authRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    "/api/auth/signup",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(10),
      schema: {
        tags: ["accounts"],
        summary: "Create an account; a link to confirm the email address is sent",
        description: "Answers 202 whether or not the address already has an account, so that nobody can learn who has one.",
        body: SignUpBody,
        response: { 202: AcceptedResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const oidc = context.config.oidc;
      await signUp({
        database: context.database,
        ...request.body,
        baseUrl: context.baseUrl(),
        oidc: oidc && { issuer: oidc.issuer, name: oidc.name },
        now: context.now(),
      });
      return reply.code(202).send({ message: `Check ${request.body.email} for a link to confirm your address; it works for 24 hours.` });
    },
  );

  app.post(
    "/api/auth/verify",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(20),
      schema: {
        tags: ["accounts"],
        summary: "Confirm an email address with the token from the email, and sign in",
        body: TokenBody,
        response: { 200: SignedInResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const session = await verifyEmail({
        database: context.database,
        token: request.body.token,
        userAgent: request.headers["user-agent"] ?? null,
        now: context.now(),
      });
      setSessionCookie(reply, context, session);
      return { message: "Your email address is confirmed and you are signed in.", csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/auth/verify/resend",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(5),
      schema: {
        tags: ["accounts"],
        summary: "Email a new link to confirm an address that signed up and is not confirmed yet (once an hour at most)",
        description: "Answers 202 whether or not the address has an account, and whether or not it is confirmed already.",
        body: ResendConfirmationBody,
        response: { 202: AcceptedResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await resendConfirmation({ database: context.database, email: request.body.email, baseUrl: context.baseUrl(), now: context.now() });
      const waiting = `If ${request.body.email} has an account waiting to be confirmed`;
      // Without SMTP the link waits in the outbox: the answer says where, for every address alike.
      return reply.code(202).send({
        message:
          context.config.smtpUrl !== undefined
            ? `${waiting}, a new link is on its way; it works for 24 hours, and earlier links still work.`
            : `${waiting}, a new link is ready, but this server sends no email yet: ask its operator for it (they can read it with \`cohort outbox\`).`,
      });
    },
  );

  app.post(
    "/api/auth/signin",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(20),
      schema: {
        tags: ["accounts"],
        summary: "Sign in with email and password; starts a new session",
        body: SignInBody,
        response: { 200: SignedInResponse, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const session = await signIn({
        database: context.database,
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
        previousSessionHash: previous ? sessionKey(previous) : null,
        baseUrl: context.baseUrl(),
        sendsEmail: context.config.smtpUrl !== undefined,
        now: context.now(),
      });
      setSessionCookie(reply, context, session);
      return { message: "You are signed in.", csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/auth/signout",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign out of this browser",
        response: { 204: NoContentResponse, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      if (actor.via.type === "session") await signOut({ database: context.database, actor, sessionHash: actor.via.sessionHash, now: context.now() });
      clearSessionCookie(reply, context);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/signout-everywhere",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign out of every browser and device; with revokeTokens, revoke every API token too",
        description: "Without revokeTokens, personal API tokens keep working, and the answer says how many.",
        body: SignOutEverywhereBody,
        response: { 200: SignedOutEverywhereResponse, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      const ended = await signOutEverywhere({ database: context.database, actor, revokeTokens: request.body?.revokeTokens ?? false, now: context.now() });
      clearSessionCookie(reply, context);
      return { message: signedOutEverywhereMessage(ended), ...ended };
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(5),
      schema: {
        tags: ["accounts"],
        summary: "Email a link to choose a new password",
        description: "Answers 202 whether or not the address has an account.",
        body: PasswordResetRequestBody,
        response: { 202: AcceptedResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset({ database: context.database, email: request.body.email, baseUrl: context.baseUrl(), now: context.now() });
      return reply
        .code(202)
        .send({ message: `If ${request.body.email} has a Cohort account, a link to choose a new password is on its way; it works for one hour.` });
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: perMinute(10),
      schema: {
        tags: ["accounts"],
        summary: "Choose a new password with the token from the email; signs out everywhere and revokes every API token",
        body: PasswordResetConfirmBody,
        response: { 200: AcceptedResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword({ database: context.database, token: request.body.token, password: request.body.password, now: context.now() });
      clearSessionCookie(reply, context);
      return { message: "Your password is changed, every session is signed out and every API token is revoked. Sign in with the new password." };
    },
  );
};

/** "Signed out of 3 sessions; your 2 API tokens still work." and its kin. */
function signedOutEverywhereMessage(ended: SignedOutEverywhere): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const sessions = `Signed out of ${count(ended.sessionsEnded, "session", "sessions")}`;
  if (ended.tokensRevoked > 0) return `${sessions} and revoked ${count(ended.tokensRevoked, "API token", "API tokens")}.`;
  if (ended.tokensKept > 0) {
    return `${sessions}; your ${count(ended.tokensKept, "API token", "API tokens")} still ${ended.tokensKept === 1 ? "works" : "work"}: revoke ${ended.tokensKept === 1 ? "it" : "them"} too if ${ended.tokensKept === 1 ? "it" : "they"} may be lost.`;
  }
  return `${sessions}.`;
}
