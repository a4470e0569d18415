import { afterEach, describe, expect, it } from "vitest";
import { signUpAndVerify } from "../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../test/helpers/app.ts";
import { loadConfig } from "../config/config.ts";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** A password-reset request (limited to 5 a minute per client), as it reaches Cohort from `remoteAddress`. */
function askForReset(app: TestApp, remoteAddress: string, headers: Record<string, string> = {}) {
  return app.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: "ada@example.org" }, remoteAddress, headers });
}

async function statuses(app: TestApp, count: number, remoteAddress: string, headers: Record<string, string> = {}): Promise<number[]> {
  const seen: number[] = [];
  for (let hit = 0; hit < count; hit += 1) seen.push((await askForReset(app, remoteAddress, headers)).statusCode);
  return seen;
}

describe("Cohort behind a reverse proxy (COHORT_TRUST_PROXY)", () => {
  it("counts the rate limits per client the proxy names, not for the proxy as a whole", async () => {
    t = await createTestApp("sqlite", { config: { trustProxy: "127.0.0.1" } });
    expect(await statuses(t, 6, "127.0.0.1", { "x-forwarded-for": "198.51.100.1" })).toEqual([202, 202, 202, 202, 202, 429]);
    // Another person behind the same proxy still gets through.
    expect((await askForReset(t, "127.0.0.1", { "x-forwarded-for": "198.51.100.2" })).statusCode).toBe(202);
  });

  it("believes no forwarded header from an address that is not a configured proxy", async () => {
    t = await createTestApp("sqlite", { config: { trustProxy: "127.0.0.1" } });
    const spoofed = Array.from({ length: 6 }, (_, index) => ({ "x-forwarded-for": `198.51.100.${index + 10}` }));
    const seen: number[] = [];
    for (const headers of spoofed) seen.push((await askForReset(t, "203.0.113.9", headers)).statusCode);
    expect(seen).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("without the setting, a client cannot escape its limit by sending X-Forwarded-For", async () => {
    t = await createTestApp("sqlite");
    const seen: number[] = [];
    for (let hit = 0; hit < 6; hit += 1) seen.push((await askForReset(t, "127.0.0.1", { "x-forwarded-for": `198.51.100.${hit}` })).statusCode);
    expect(seen).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("marks the session cookie Secure only when a trusted proxy says the visitor came over https", async () => {
    t = await createTestApp("sqlite", { config: { trustProxy: "loopback" }, rateLimits: false });
    const app = t;
    await signUpAndVerify(app, { name: "Ada Lovelace", email: "ada@example.org", password: "correct horse battery staple" });
    const signIn = (remoteAddress: string) =>
      app.app.inject({
        method: "POST",
        url: "/api/auth/signin",
        payload: { email: "ada@example.org", password: "correct horse battery staple" },
        remoteAddress,
        headers: { "x-forwarded-proto": "https" },
      });
    const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) => String(response.headers["set-cookie"]);
    expect(cookieOf(await signIn("127.0.0.1"))).toMatch(/^cohort_session=[^;]+;.*\bSecure\b/);
    expect(cookieOf(await signIn("203.0.113.9"))).not.toMatch(/\bSecure\b/);
  });
});

describe("COHORT_TRUST_PROXY", () => {
  it("takes addresses, CIDR ranges and named ranges, comma-separated", () => {
    expect(loadConfig({ COHORT_TRUST_PROXY: "127.0.0.1, ::1,10.0.0.0/8,fd00::/8,loopback" }).trustProxy).toBe("127.0.0.1,::1,10.0.0.0/8,fd00::/8,loopback");
    expect(loadConfig({}).trustProxy).toBeUndefined();
  });

  it.each(["true", "*", "10.0.0.0/33", "proxy.example.org", "127.0.0.1,,::1"])("refuses %j and says what to write", (value) => {
    expect(() => loadConfig({ COHORT_TRUST_PROXY: value })).toThrow(/^COHORT_TRUST_PROXY must list the reverse proxies' addresses/);
  });
});
