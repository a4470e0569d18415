import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, sessionCookieOf, signUpAndVerify, type TestSession, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";

const PASSWORD = "a long enough password";

describe.each(testDialects())("accounts on %s", (dialect) => {
  let t: TestApp;
  let ada: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow("2026-11-25T10:00:00Z");
    ada = await signUpAndVerify(t, { name: "Ada Lovelace", email: "ada@example.org", password: PASSWORD });
  });
  afterAll(() => t.dispose());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: "POST", url, payload, headers });
  const me = (headers: Record<string, string>) => t.app.inject({ method: "GET", url: "/api/me", headers });

  describe("sign up and confirm", () => {
    it("answers the same whether or not the address has an account, and tells its owner", async () => {
      const fresh = await post("/api/auth/signup", { name: "Grace", email: "grace@example.org", password: PASSWORD });
      const taken = await post("/api/auth/signup", { name: "Mallory", email: "ADA@example.org", password: PASSWORD });
      expect(fresh.statusCode).toBe(202);
      expect(taken.statusCode).toBe(202);
      expect(taken.json().message.replace("ADA@", "grace@")).toBe(fresh.json().message);
      expect(await tokenFromLatestEmail(t, "grace@example.org", "/verify-email")).toMatch(/^cohort_verify_/);
    });

    it("refuses a short password and a malformed email, naming the field", async () => {
      const short = await post("/api/auth/signup", { name: "X", email: "x@example.org", password: "short" });
      expect(short.statusCode).toBe(400);
      expect(short.json().detail).toBe("body.password: must be at least 10 characters");
      const malformed = await post("/api/auth/signup", { name: "X", email: "not-an-email", password: PASSWORD });
      expect(malformed.json().detail).toContain("body.email");
    });

    it("names every field at fault with a stable code a client can branch on", async () => {
      const bad = await post("/api/auth/signup", { name: "Ada\u0000", email: "not-an-email" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([
        { field: "name", code: "invalid_characters", detail: expect.stringContaining("control characters") },
        { field: "email", code: "invalid_format", detail: "must be an email address such as ada@example.org" },
        { field: "password", code: "required", detail: expect.any(String) },
      ]);
    });

    it("signs in through the confirmation link, which works once", async () => {
      await post("/api/auth/signup", { name: "Linus", email: "linus@example.org", password: PASSWORD });
      const token = await tokenFromLatestEmail(t, "linus@example.org", "/verify-email");
      const verified = await post("/api/auth/verify", { token });
      expect(verified.statusCode).toBe(200);
      const setCookie = String(verified.headers["set-cookie"]);
      expect(setCookie).toMatch(/^cohort_session=cohort_session_[\w-]+;/);
      expect(setCookie).toContain("HttpOnly");
      expect(setCookie).toContain("SameSite=Lax");
      const again = await post("/api/auth/verify", { token });
      expect(again.statusCode).toBe(400);
      expect(again.json().detail).toContain("not valid any more");
    });

    it("an unconfirmed account cannot sign in and gets a new link", async () => {
      await post("/api/auth/signup", { name: "Una", email: "una@example.org", password: PASSWORD });
      const response = await post("/api/auth/signin", { email: "una@example.org", password: PASSWORD });
      expect(response.statusCode).toBe(403);
      // This test server has no SMTP: the answer says where the link is instead of "we have sent you".
      expect(response.json().detail).toBe(
        "Confirm your email address first. This server sends no email yet: ask its operator for your confirmation link (they can read it with `cohort outbox`).",
      );
    });
  });

  describe("sign in and out", () => {
    it("a wrong password and an unknown email get the same answer", async () => {
      const wrong = await post("/api/auth/signin", { email: "ada@example.org", password: "not the password" });
      const unknown = await post("/api/auth/signin", { email: "nobody@example.org", password: "not the password" });
      expect(wrong.statusCode).toBe(401);
      const { requestId: _a, ...wrongBody } = wrong.json();
      const { requestId: _b, ...unknownBody } = unknown.json();
      expect(wrongBody).toEqual(unknownBody);
      expect(wrongBody.detail).toBe("The email or password is wrong.");
    });

    it("signing in rotates the session: the old cookie stops working", async () => {
      const first = await post("/api/auth/signin", { email: "ada@example.org", password: PASSWORD });
      const firstCookie = sessionCookieOf(first) ?? "";
      const second = await post("/api/auth/signin", { email: "ada@example.org", password: PASSWORD }, { cookie: firstCookie });
      const secondCookie = sessionCookieOf(second) ?? "";
      expect(secondCookie).not.toBe(firstCookie);
      expect((await me({ cookie: firstCookie })).statusCode).toBe(401);
      expect((await me({ cookie: secondCookie })).statusCode).toBe(200);
    });

    it("GET /api/me answers 401 to a visitor and to a forged cookie", async () => {
      expect((await me({})).statusCode).toBe(401);
      const forged = await me({ cookie: "cohort_session=cohort_session_forgedforgedforgedforgedforgedforgedforg" });
      expect(forged.statusCode).toBe(401);
      expect(forged.json()).toMatchObject({ code: "UNAUTHENTICATED", detail: "Sign in first." });
    });

    it("GET /api/me shows the person, their roles and the session's CSRF token", async () => {
      const response = await me({ cookie: ada.cookie });
      expect(response.json()).toMatchObject({
        name: "Ada Lovelace",
        email: "ada@example.org",
        emailVerified: true,
        roles: [],
        authenticatedWith: "session",
        csrfToken: ada.csrfToken,
      });
    });

    it("a change with the cookie needs the CSRF token", async () => {
      const without = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { country: "GB" }, headers: { cookie: ada.cookie } });
      expect(without.statusCode).toBe(403);
      expect(without.json().detail).toContain("x-csrf-token");
      expect(without.json().errors).toEqual([{ field: "headers.x-csrf-token", code: "csrf_token", detail: without.json().detail }]);
      const withToken = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { country: "GB" }, headers: asBrowser(ada) });
      expect(withToken.statusCode).toBe(200);
      expect(withToken.json().country).toBe("GB");
    });

    it("a change from another site is refused", async () => {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/me",
        payload: { country: "FR" },
        headers: { ...asBrowser(ada), origin: "https://evil.example" },
      });
      expect(response.statusCode).toBe(403);
    });

    it("signing out ends this session; signing out everywhere ends all", async () => {
      const laptop = sessionCookieOf(await post("/api/auth/signin", { email: "ada@example.org", password: PASSWORD })) ?? "";
      const phoneResponse = await post("/api/auth/signin", { email: "ada@example.org", password: PASSWORD });
      const phone = { cookie: sessionCookieOf(phoneResponse) ?? "", csrfToken: phoneResponse.json().csrfToken };
      const signout = await post("/api/auth/signout", {}, asBrowser(phone));
      expect(signout.statusCode).toBe(204);
      expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
      expect((await me({ cookie: laptop })).statusCode).toBe(200);
      const tablet = await signInAs("ada@example.org");
      const everywhere = await post("/api/auth/signout-everywhere", {}, asBrowser(tablet));
      expect(everywhere.statusCode).toBe(200);
      expect((await me({ cookie: laptop })).statusCode).toBe(401);
      ada = await signInAs("ada@example.org");
    });
  });

  describe("password reset", () => {
    it("answers the same for an unknown address", async () => {
      const known = await post("/api/auth/password-reset", { email: "grace@example.org" });
      const unknown = await post("/api/auth/password-reset", { email: "nobody@example.org" });
      expect(known.statusCode).toBe(202);
      expect(unknown.json().message.replace("nobody@", "grace@")).toBe(known.json().message);
    });

    it("sets a new password once, signs out everywhere, and the old password stops working", async () => {
      const session = await signInAs("ada@example.org");
      await post("/api/auth/password-reset", { email: "ada@example.org" });
      const token = await tokenFromLatestEmail(t, "ada@example.org", "/reset-password");
      const reset = await post("/api/auth/password-reset/confirm", { token, password: "a brand new password" });
      expect(reset.statusCode).toBe(200);
      expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
      expect((await post("/api/auth/signin", { email: "ada@example.org", password: PASSWORD })).statusCode).toBe(401);
      expect((await post("/api/auth/signin", { email: "ada@example.org", password: "a brand new password" })).statusCode).toBe(200);
      const reused = await post("/api/auth/password-reset/confirm", { token, password: "yet another password" });
      expect(reused.statusCode).toBe(400);
      await resetTo("ada@example.org", PASSWORD);
      ada = await signInAs("ada@example.org");
    });

    it("a link expires after an hour", async () => {
      await post("/api/auth/password-reset", { email: "grace@example.org" });
      const token = await tokenFromLatestEmail(t, "grace@example.org", "/reset-password");
      t.setNow("2026-11-25T11:00:01Z");
      const late = await post("/api/auth/password-reset/confirm", { token, password: "too late password" });
      t.setNow("2026-11-25T10:00:00Z");
      expect(late.statusCode).toBe(400);
      expect(late.json().detail).toContain("has expired");
    });
  });

  describe("API tokens", () => {
    it("are shown once, work as Bearer tokens, respect their scope and can be revoked", async () => {
      const created = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "laptop script", scope: "read" }, headers: asBrowser(ada) });
      expect(created.statusCode).toBe(201);
      const { token, id, prefix } = created.json();
      expect(token).toMatch(/^cohort_pat_/);
      expect(token.startsWith(prefix)).toBe(true);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await me(bearer)).json()).toMatchObject({ authenticatedWith: "token", csrfToken: null });
      const write = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { country: "DE" }, headers: bearer });
      expect(write.statusCode).toBe(403);
      const listed = await t.app.inject({ method: "GET", url: "/api/me/tokens", headers: { cookie: ada.cookie } });
      expect(JSON.stringify(listed.json())).not.toContain(token);
      const revoked = await t.app.inject({ method: "DELETE", url: `/api/me/tokens/${id}`, headers: asBrowser(ada) });
      expect(revoked.statusCode).toBe(204);
      expect((await me(bearer)).statusCode).toBe(401);
    });

    it("a write token changes things without a CSRF token but cannot mint tokens", async () => {
      const created = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "ci", scope: "write" }, headers: asBrowser(ada) });
      const bearer = { authorization: `Bearer ${created.json().token}` };
      const write = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { timeZone: "Europe/London" }, headers: bearer });
      expect(write.statusCode).toBe(200);
      const mint = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "x", scope: "write" }, headers: bearer });
      expect(mint.statusCode).toBe(403);
    });

    it("someone else's token cannot be revoked", async () => {
      const grace = await signUpAndVerify(t, { name: "Grace Hopper", email: "grace.h@example.org", password: PASSWORD });
      const created = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "g", scope: "read" }, headers: asBrowser(grace) });
      const response = await t.app.inject({ method: "DELETE", url: `/api/me/tokens/${created.json().id}`, headers: asBrowser(ada) });
      expect(response.statusCode).toBe(404);
    });
  });

  it("limits password reset requests per minute", async () => {
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push((await post("/api/auth/password-reset", { email: `x${i}@example.org` })).statusCode);
    expect(answers).toContain(429);
  });

  async function signInAs(email: string): Promise<TestSession> {
    const response = await post("/api/auth/signin", { email, password: PASSWORD });
    if (response.statusCode !== 200) throw new Error(response.body);
    return { cookie: sessionCookieOf(response) ?? "", csrfToken: response.json().csrfToken };
  }

  async function resetTo(email: string, password: string): Promise<void> {
    await post("/api/auth/password-reset", { email });
    const token = await tokenFromLatestEmail(t, email, "/reset-password");
    await post("/api/auth/password-reset/confirm", { token, password });
  }
});
