import type { LightMyRequestResponse } from "fastify";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import type { TestApp } from "./app.ts";

/** A browser's worth of state for inject(): the session cookie and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** The `cohort_session=…` pair a response set, or undefined. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const header = response.headers["set-cookie"];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const cookie = cookies.find((value) => value.startsWith("cohort_session="));
  return cookie?.split(";")[0];
}

/** The token of the newest email to `email` whose link goes to `path` (e.g. /verify-email). */
export async function tokenFromLatestEmail(t: TestApp, email: string, path: string): Promise<string> {
  const { items } = await listOutbox(t.context.database.db, { limit: 100, offset: 0 });
  const message = items.filter((item) => item.recipientEmail === email && item.bodyText.includes(`${path}#token=`)).sort((a, b) => b.id - a.id)[0];
  const token = message?.bodyText.match(new RegExp(`${path}#token=([\\w-]+)`))?.[1];
  if (!token) throw new Error(`no email to ${email} with a ${path} link`);
  return token;
}

/** Signs up, confirms the email from the outbox, and returns the signed-in session. */
export async function signUpAndVerify(t: TestApp, input: { name: string; email: string; password: string }): Promise<TestSession> {
  const signup = await t.app.inject({ method: "POST", url: "/api/auth/signup", payload: input });
  if (signup.statusCode !== 202) throw new Error(`sign-up failed: ${signup.body}`);
  const token = await tokenFromLatestEmail(t, input.email, "/verify-email");
  const verify = await t.app.inject({ method: "POST", url: "/api/auth/verify", payload: { token } });
  const cookie = sessionCookieOf(verify);
  if (verify.statusCode !== 200 || !cookie) throw new Error(`verification failed: ${verify.body}`);
  return { cookie, csrfToken: verify.json().csrfToken };
}

/** Headers of a browser request made with a session: the cookie, and the CSRF token for writes. */
export function asBrowser(session: TestSession): Record<string, string> {
  return { cookie: session.cookie, "x-csrf-token": session.csrfToken };
}
