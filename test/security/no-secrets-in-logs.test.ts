import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { type RunningServer, startServer } from "../../src/server/start.ts";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.ts";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "another long secret phrase";

describe("a full run of account flows writes no secret to the log", () => {
  let server: RunningServer;
  let target: TestDatabase;
  let log = "";
  const secrets: string[] = [PASSWORD, NEW_PASSWORD];

  beforeAll(async () => {
    target = await createTestDatabase("sqlite");
    const sink = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const config = { ...loadConfig({}), databaseUrl: target.url, port: 0, logLevel: "trace" as const };
    server = await startServer({ config, demo: true, logDestination: sink, outboxWorker: false });
  });
  afterAll(async () => {
    await server.close();
    await target.dispose();
  });

  async function call(method: string, path: string, body?: object, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: response.status,
      json: response.headers.get("content-type")?.includes("json") ? await response.json() : null,
      cookie: response.headers.get("set-cookie"),
    };
  }

  async function latestToken(email: string, path: string): Promise<string> {
    const { items } = await listOutbox(server.database.db, { limit: 50, offset: 0 });
    const token = items
      .find((item) => item.recipientEmail === email && item.bodyText.includes(path))
      ?.bodyText.match(new RegExp(`${path}#token=([\\w-]+)`))?.[1];
    if (!token) throw new Error(`no ${path} email for ${email}`);
    secrets.push(token);
    return token;
  }

  it("signs up, confirms, signs in, uses tokens and resets the password", async () => {
    expect((await call("POST", "/api/auth/signup", { name: "Ada", email: "ada@example.org", password: PASSWORD })).status).toBe(202);
    const verified = await call("POST", "/api/auth/verify", { token: await latestToken("ada@example.org", "/verify-email") });
    const cookie = verified.cookie?.split(";")[0] ?? "";
    secrets.push(cookie.split("=")[1] ?? "", verified.json.csrfToken);
    const browser = { cookie, "x-csrf-token": verified.json.csrfToken };
    expect((await call("GET", "/api/me", undefined, { cookie })).status).toBe(200);
    const token = await call("POST", "/api/me/tokens", { name: "script", scope: "write" }, browser);
    secrets.push(token.json.token);
    expect((await call("GET", "/api/me", undefined, { authorization: `Bearer ${token.json.token}` })).status).toBe(200);
    expect((await call("POST", "/api/auth/signin", { email: "ada@example.org", password: "a wrong password here" })).status).toBe(401);
    expect((await call("POST", "/api/auth/password-reset", { email: "ada@example.org" })).status).toBe(202);
    const reset = await call("POST", "/api/auth/password-reset/confirm", {
      token: await latestToken("ada@example.org", "/reset-password"),
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    const signin = await call("POST", "/api/auth/signin", { email: "ada@example.org", password: NEW_PASSWORD });
    expect(signin.status).toBe(200);
    secrets.push(signin.cookie?.split(";")[0]?.split("=")[1] ?? "", signin.json.csrfToken);
    // A forged cookie and a bogus bearer token are logged no more than real ones.
    await call("GET", "/api/me", undefined, {
      cookie: "cohort_session=cohort_session_forged-value-1234567890",
      authorization: "Bearer cohort_pat_bogus-value-1234567890",
    });
    secrets.push("cohort_session_forged-value-1234567890", "cohort_pat_bogus-value-1234567890");
  });

  it("the log has every request, and none of the secrets", () => {
    expect(log).toContain('"url":"/api/auth/signin"');
    expect(log.split("\n").length).toBeGreaterThan(20);
    for (const secret of secrets.filter((value) => value.length >= 8)) {
      expect(log.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});
