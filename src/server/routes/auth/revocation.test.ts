import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, sessionCookieOf, signUpAndVerify, type TestSession, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";

const PASSWORD = "a long enough password";

describe.each(testDialects())("a password reset and signing out everywhere, with API tokens, on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow("2026-11-25T10:00:00Z");
  });
  afterAll(() => t.dispose());

  const post = (url: string, payload: object | undefined, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });
  const me = (headers: Record<string, string>) => t.app.inject({ method: "GET", url: "/api/me", headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function signInAs(email: string, password = PASSWORD): Promise<TestSession> {
    const response = await post("/api/auth/signin", { email, password });
    if (response.statusCode !== 200) throw new Error(response.body);
    return { cookie: sessionCookieOf(response) ?? "", csrfToken: response.json().csrfToken };
  }

  async function createToken(session: TestSession, scope: "read" | "write"): Promise<string> {
    const created = await post("/api/me/tokens", { name: `${scope} script`, scope }, asBrowser(session));
    expect(created.statusCode).toBe(201);
    return created.json().token;
  }

  it("a password reset revokes every API token and ends every session, and its email says so", async () => {
    const email = "reset@example.org";
    const session = await signUpAndVerify(t, { name: "Rosa", email, password: PASSWORD });
    const reader = await createToken(session, "read");
    const writer = await createToken(session, "write");
    expect((await me(bearer(writer))).statusCode).toBe(200);

    await post("/api/auth/password-reset", { email });
    const { items } = await listOutbox(t.context.database.db, { limit: 100, offset: 0 });
    const mail = items.find((item) => item.recipientEmail === email && item.subject === "Reset your Cohort password");
    expect(mail?.bodyText).toContain("signs you out everywhere and revokes all your API tokens");

    const token = await tokenFromLatestEmail(t, email, "/reset-password");
    const reset = await post("/api/auth/password-reset/confirm", { token, password: "a brand new password" });
    expect(reset.json().message).toBe("Your password is changed, every session is signed out and every API token is revoked. Sign in with the new password.");
    expect((await me(bearer(reader))).statusCode).toBe(401);
    expect((await me(bearer(writer))).statusCode).toBe(401);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);

    const person = await findPersonByEmail(t.context.database.db, email);
    const events = await listAuditEventsFor(t.context.database.db, "person", person?.id ?? 0);
    const resetEvent = events.find((event) => event.action === "account.password_reset");
    expect(JSON.parse(resetEvent?.changes ?? "{}")).toEqual({ sessionsEnded: 1, tokensRevoked: 2 });
  });

  it("signing out everywhere keeps API tokens unless asked, and says which", async () => {
    const email = "everywhere@example.org";
    await signUpAndVerify(t, { name: "Eve", email, password: PASSWORD });
    const laptop = await signInAs(email);
    const first = await createToken(laptop, "read");
    const second = await createToken(laptop, "write");

    const kept = await post("/api/auth/signout-everywhere", undefined, asBrowser(laptop));
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toEqual({
      message: "Signed out of 2 sessions; your 2 API tokens still work: revoke them too if they may be lost.",
      sessionsEnded: 2,
      tokensRevoked: 0,
      tokensKept: 2,
    });
    expect((await me(bearer(first))).statusCode).toBe(200);
    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(401);

    const phone = await signInAs(email);
    const revoked = await post("/api/auth/signout-everywhere", { revokeTokens: true }, asBrowser(phone));
    expect(revoked.json()).toEqual({ message: "Signed out of 1 session and revoked 2 API tokens.", sessionsEnded: 1, tokensRevoked: 2, tokensKept: 0 });
    expect((await me(bearer(first))).statusCode).toBe(401);
    expect((await me(bearer(second))).statusCode).toBe(401);
  });

  it("an API token may sign out everywhere only with write scope, and may not revoke tokens", async () => {
    const email = "scripted@example.org";
    const session = await signUpAndVerify(t, { name: "Sam", email, password: PASSWORD });
    const reader = await createToken(session, "read");
    const writer = await createToken(session, "write");

    const byReader = await post("/api/auth/signout-everywhere", {}, bearer(reader));
    expect(byReader.statusCode).toBe(403);
    expect(byReader.json().detail).toBe("This API token may only read; create a token with the write scope.");
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);

    const revokeByWriter = await post("/api/auth/signout-everywhere", { revokeTokens: true }, bearer(writer));
    expect(revokeByWriter.statusCode).toBe(403);
    expect(revokeByWriter.json().detail).toBe("Manage API tokens from a signed-in browser session, not with a token.");
    expect((await me(bearer(reader))).statusCode).toBe(200);

    const byWriter = await post("/api/auth/signout-everywhere", {}, bearer(writer));
    expect(byWriter.json().message).toBe("Signed out of 1 session; your 2 API tokens still work: revoke them too if they may be lost.");
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
  });
});
