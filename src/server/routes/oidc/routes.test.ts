import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpAndVerify } from "../../../../test/helpers/accounts.ts";
import type { TestApp } from "../../../../test/helpers/app.ts";
import { openMigratedTestDatabase, testDialects } from "../../../../test/helpers/databases.ts";
import { startTestOidcProvider, TestBrowser, type TestOidcProvider, type TestOidcProviderOptions } from "../../../../test/helpers/oidc-provider.ts";
import { loadConfig } from "../../../config/config.ts";
import type { Dialect } from "../../../storage/database.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { findIdentity } from "../../../storage/repos/identity-repo.ts";
import { buildApp, LOG_SERIALIZERS, REDACTED_LOG_PATHS } from "../../app.ts";
import type { AppContext } from "../../context.ts";

const PASSWORD = "a long enough password";

/** Cohort listening on loopback with sign-in through the test provider, and its log lines. */
interface Harness extends TestApp {
  url: string;
  op: TestOidcProvider;
  logs: string[];
  /** What GET /api/auth/oidc/start answered before the provider was ready. */
  startWhileProviderDown: Response;
  /** Goes back to the real clock after setNow (the provider runs on the real one). */
  realClock(): void;
}

async function startHarness(dialect: Dialect, provider: TestOidcProviderOptions): Promise<Harness> {
  const op = await startTestOidcProvider(provider);
  const { handle, dispose } = await openMigratedTestDatabase(dialect);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  let url = "";
  let now: Date | undefined;
  const env = {
    COHORT_OIDC_ISSUER: op.issuer,
    COHORT_OIDC_CLIENT_ID: op.clientId,
    COHORT_OIDC_CLIENT_SECRET: op.clientSecret,
    COHORT_OIDC_NAME: "Test Foundation account",
  };
  const context: AppContext = { config: { ...loadConfig(env), databaseUrl: "test" }, database: handle, now: () => now ?? new Date(), baseUrl: () => url };
  const app = await buildApp({
    context,
    logger: { level: "trace", redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" }, serializers: LOG_SERIALIZERS, stream },
    webRoot: "/nonexistent/cohort-web-dist",
    rateLimits: false,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const startWhileProviderDown = await fetch(`${url}/api/auth/oidc/start`, { redirect: "manual" });
  op.allowRedirectUri(`${url}/api/auth/oidc/callback`);
  return {
    app,
    context,
    url,
    op,
    logs,
    startWhileProviderDown,
    setNow(instant) {
      now = new Date(instant);
    },
    realClock() {
      now = undefined;
    },
    async dispose() {
      await app.close();
      await op.close();
      await dispose();
    },
  };
}

/** Stops at Cohort's pages (not its API): the web UI is not under test. */
const atCohortPage = (h: Harness) => (next: URL) => next.origin === h.url && !next.pathname.startsWith("/api/");
const atCallback = (h: Harness) => (next: URL) => next.origin === h.url && next.pathname === "/api/auth/oidc/callback";

/** Signs in at the provider as `account` and returns where the browser lands on Cohort. */
async function signInWith(h: Harness, browser: TestBrowser, account: string, returnTo?: string): Promise<string> {
  h.op.signInAs(account);
  const query = returnTo === undefined ? "" : `?returnTo=${encodeURIComponent(returnTo)}`;
  const { url } = await browser.navigate(`${h.url}/api/auth/oidc/start${query}`, atCohortPage(h));
  return url.href.slice(h.url.length);
}

async function me(h: Harness, browser: TestBrowser) {
  const response = await browser.fetch(`${h.url}/api/me`);
  return { status: response.status, body: (await response.json()) as { name: string; email: string; emailVerified: boolean } };
}

async function countPeople(h: Harness): Promise<number> {
  const rows = await h.context.database.db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}

describe.each(testDialects())("sign-in with OpenID Connect on %s", (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      accounts: {
        "ada-sub": { email: "ADA@example.org", email_verified: true, name: "Ada at the provider" },
        "grace-sub": { email: "grace@example.org", email_verified: true, name: "Grace Hopper", preferred_username: "grace" },
        "mallory-sub": { email: "ada@example.org", email_verified: false, name: "Mallory" },
        "linus-sub": { email: "linus@example.org", email_verified: true, preferred_username: "linus" },
      },
    });
    await signUpAndVerify(h, { name: "Ada Lovelace", email: "ada@example.org", password: PASSWORD });
  }, 60_000);
  afterAll(() => h?.dispose());

  it("answers a clear problem when the provider cannot be discovered, and tries again next time", async () => {
    const down = h.startWhileProviderDown;
    expect(down.status).toBe(500);
    expect(down.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await down.json()) as { code: string; detail: string };
    expect(problem.code).toBe("INVALID_CONFIG");
    expect(problem.detail).toContain(h.op.issuer);
    expect(problem.detail).toContain("COHORT_OIDC_ISSUER");
    expect(problem.detail).toContain("it answered HTTP 503");
    expect(problem.detail).not.toContain(h.op.clientSecret);

    const up = await fetch(`${h.url}/api/auth/oidc/start`, { redirect: "manual" });
    expect(up.status).toBe(302);
    const location = new URL(up.headers.get("location") ?? "");
    expect(location.origin).toBe(h.op.issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("redirect_uri")).toBe(`${h.url}/api/auth/oidc/callback`);
    for (const parameter of ["state", "nonce", "code_challenge"]) expect(location.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/);
    const cookie = up.headers.getSetCookie().find((line) => line.startsWith("cohort_oidc=")) ?? "";
    expect(cookie).toContain(`cohort_oidc=${location.searchParams.get("state")};`);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("tells the UI the provider's button label", async () => {
    const response = await h.app.inject({ method: "GET", url: "/api/auth/oidc/config" });
    expect(response.json()).toEqual({ enabled: true, name: "Test Foundation account" });
  });

  it("a new verified email creates a person, signs in and lands on returnTo", async () => {
    const before = await countPeople(h);
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "grace-sub", "/terms/2026-demo-term-02?tab=projects")).toBe("/terms/2026-demo-term-02?tab=projects");
    expect(browser.cookie(h.url, "cohort_oidc")).toBeUndefined();
    const { status, body } = await me(h, browser);
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Grace Hopper", email: "grace@example.org", emailVerified: true });
    expect(await countPeople(h)).toBe(before + 1);
    const person = await findPersonByEmail(h.context.database.db, "grace@example.org");
    expect(person?.passwordHash).toBeNull();
    expect(await findIdentity(h.context.database.db, h.op.issuer, "grace-sub")).toMatchObject({ personId: person?.id });
    const audit = await h.context.database.db.selectFrom("auditEvents").selectAll().where("action", "=", "account.signed_in_oidc").execute();
    expect(audit.map((event) => JSON.parse(event.changes))).toContainEqual({ provider: h.op.issuer, outcome: "created" });
  });

  it("names a person after preferred_username when the provider gives no name", async () => {
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "linus-sub")).toBe("/");
    expect((await me(h, browser)).body.name).toBe("linus");
  });

  it("names a person after preferred_username when the provider's name hides control or bidi characters", async () => {
    h.op.accounts.set("eve-sub", { email: "eve@example.org", email_verified: true, name: "Eve\u0000\u202Enimda", preferred_username: "eve" });
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "eve-sub")).toBe("/");
    expect((await me(h, browser)).body).toMatchObject({ name: "eve", email: "eve@example.org" });
  });

  it("links an existing person with the same verified email instead of creating another", async () => {
    const before = await countPeople(h);
    const ada = await findPersonByEmail(h.context.database.db, "ada@example.org");
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "ada-sub")).toBe("/");
    const { body } = await me(h, browser);
    expect(body).toMatchObject({ name: "Ada Lovelace", email: "ada@example.org" });
    expect(await countPeople(h)).toBe(before);
    expect(await findIdentity(h.context.database.db, h.op.issuer, "ada-sub")).toMatchObject({ personId: ada?.id });
    // Her password still works: linking adds a way in, it takes none away.
    const password = await h.app.inject({ method: "POST", url: "/api/auth/signin", payload: { email: "ada@example.org", password: PASSWORD } });
    expect(password.statusCode).toBe(200);
  });

  it("finds the person by the provider's subject even after the provider's email changed", async () => {
    const grace = await findPersonByEmail(h.context.database.db, "grace@example.org");
    h.op.accounts.set("grace-sub", { email: "grace.hopper@new.example", email_verified: true, name: "Grace B. Hopper" });
    const before = await countPeople(h);
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "grace-sub")).toBe("/");
    expect((await me(h, browser)).body).toMatchObject({ name: "Grace Hopper", email: "grace@example.org" });
    expect(await countPeople(h)).toBe(before);
    expect(await findPersonByEmail(h.context.database.db, "grace.hopper@new.example")).toBeUndefined();
    expect(grace).toBeDefined();
  });

  it("refuses an email the provider does not vouch for, and creates nothing", async () => {
    const before = await countPeople(h);
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "mallory-sub")).toBe("/sign-in?error=email_unverified");
    expect(browser.cookie(h.url, "cohort_session")).toBeUndefined();
    expect((await me(h, browser)).status).toBe(401);
    expect(await countPeople(h)).toBe(before);
    expect(await findIdentity(h.context.database.db, h.op.issuer, "mallory-sub")).toBeUndefined();
  });

  it("sends a refusal at the provider back to the sign-in page", async () => {
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "deny")).toBe("/sign-in?error=denied");
    expect(browser.cookie(h.url, "cohort_session")).toBeUndefined();
  });

  it("refuses a tampered state", async () => {
    const browser = new TestBrowser();
    h.op.signInAs("grace-sub");
    const { url } = await browser.navigate(`${h.url}/api/auth/oidc/start`, atCallback(h));
    const state = url.searchParams.get("state") ?? "";
    url.searchParams.set("state", `${state.slice(0, -2)}xx`);
    const response = await browser.fetch(url.href);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?error=invalid_state");
    expect(browser.cookie(h.url, "cohort_session")).toBeUndefined();
  });

  it("refuses a code the provider does not recognise, and logs why", async () => {
    const browser = new TestBrowser();
    h.op.signInAs("grace-sub");
    const { url } = await browser.navigate(`${h.url}/api/auth/oidc/start`, atCallback(h));
    url.searchParams.set("code", "forged-code");
    const response = await browser.fetch(url.href);
    expect(response.headers.get("location")).toBe("/sign-in?error=provider_error");
    expect(browser.cookie(h.url, "cohort_session")).toBeUndefined();
    expect(h.logs.some((line) => line.includes("the OpenID Connect provider's answer was refused"))).toBe(true);
  });

  it("refuses a state used already, even with its cookie", async () => {
    const browser = new TestBrowser();
    h.op.signInAs("grace-sub");
    const { url } = await browser.navigate(`${h.url}/api/auth/oidc/start`, atCallback(h));
    const bound = browser.cookie(h.url, "cohort_oidc") ?? "";
    const first = await browser.fetch(url.href);
    expect(first.headers.get("location")).toBe("/");
    const replay = await fetch(url.href, { redirect: "manual", headers: { cookie: `cohort_oidc=${bound}` } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/sign-in?error=invalid_state");
    expect(replay.headers.getSetCookie().some((line) => line.startsWith("cohort_session="))).toBe(false);
  });

  it("refuses the callback in a browser that did not start the sign-in (login CSRF)", async () => {
    const attacker = new TestBrowser();
    h.op.signInAs("mallory-sub");
    const { url } = await attacker.navigate(`${h.url}/api/auth/oidc/start`, atCallback(h));
    const victim = new TestBrowser();
    const response = await victim.fetch(url.href);
    expect(response.headers.get("location")).toBe("/sign-in?error=invalid_state");
  });

  it("refuses a sign-in that took more than ten minutes", async () => {
    const browser = new TestBrowser();
    h.op.signInAs("grace-sub");
    const { url } = await browser.navigate(`${h.url}/api/auth/oidc/start`, atCallback(h));
    h.setNow(new Date(Date.now() + 11 * 60 * 1000));
    try {
      const response = await browser.fetch(url.href);
      expect(response.headers.get("location")).toBe("/sign-in?error=expired");
    } finally {
      h.realClock();
    }
  });

  it("ignores a returnTo that leaves the site", async () => {
    for (const returnTo of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      expect(await signInWith(h, new TestBrowser(), "grace-sub", returnTo)).toBe("/");
    }
  });

  it("signing in again rotates the session: the old cookie stops working", async () => {
    const browser = new TestBrowser();
    await signInWith(h, browser, "grace-sub");
    const first = browser.cookie(h.url, "cohort_session") ?? "";
    await signInWith(h, browser, "grace-sub");
    const second = browser.cookie(h.url, "cohort_session") ?? "";
    expect(second).not.toBe(first);
    expect((await me(h, browser)).status).toBe(200);
    const old = await fetch(`${h.url}/api/me`, { headers: { cookie: `cohort_session=${first}` } });
    expect(old.status).toBe(401);
  });

  it("answers a callback without a sign-in in progress with a redirect, never an error page", async () => {
    const response = await fetch(`${h.url}/api/auth/oidc/callback?code=abc&state=def`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?error=invalid_state");
  });

  it("never writes the client secret to the log", () => {
    expect(h.logs.length).toBeGreaterThan(20);
    expect(h.logs.filter((line) => line.includes(h.op.clientSecret))).toEqual([]);
  });
});

describe.each(testDialects())("sign-in with a provider that keeps claims in UserInfo on %s", (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      accounts: { "joan-sub": { email: "joan@example.org", email_verified: true, name: "Joan Clarke" } },
      claimsInIdToken: false,
    });
  }, 60_000);
  afterAll(() => h?.dispose());

  it("reads the email from UserInfo when the ID token has none", async () => {
    const browser = new TestBrowser();
    expect(await signInWith(h, browser, "joan-sub")).toBe("/");
    expect((await me(h, browser)).body).toMatchObject({ name: "Joan Clarke", email: "joan@example.org", emailVerified: true });
  });
});
