import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../test/helpers/app.ts";
import { seedCatalogFixture } from "../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../test/helpers/databases.ts";

const TERM = "2026-demo-term-02";
const PASSWORD = "a long enough password";
const deeply = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const json = { "content-type": "application/json" };

describe("request bodies", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { rateLimits: false });
  });
  afterAll(() => t.dispose());
  afterEach(() => vi.restoreAllMocks());

  it("refuses five bodies nested a million deep without parsing them, while /healthz keeps answering", async () => {
    const attack = deeply(1_000_000);
    const parse = vi.spyOn(JSON, "parse");
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => t.app.inject({ method: "POST", url: "/api/auth/signin", headers: json, payload: attack })),
      t.app.inject({ method: "GET", url: "/healthz" }),
    ]);
    const health = answers.pop();
    expect(health?.statusCode).toBe(200);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(413);
      expect(answer.headers["content-type"]).toContain("application/problem+json");
      expect(answer.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", detail: expect.stringContaining("8192 bytes") });
    }
    expect(parse.mock.calls.filter(([text]) => typeof text === "string" && text.length > 100_000)).toEqual([]);
  });

  it("refuses JSON nested deeper than 32 levels within the size limit, before parsing it", async () => {
    const parse = vi.spyOn(JSON, "parse");
    const body = deeply(30_000);
    const response = await t.app.inject({ method: "PATCH", url: "/api/me", headers: json, payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({
      code: "INVALID_INPUT",
      detail: "The JSON body is nested more than 32 levels deep; no Cohort request needs more than a few.",
    });
    expect(parse.mock.calls.filter(([text]) => text === body)).toEqual([]);
  });

  it("still reads bracket characters inside strings as text", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/signin",
      headers: json,
      payload: JSON.stringify({ email: "ada@example.org", password: `${"[{".repeat(100)}\\"[` }),
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    [
      "a body larger than a sign-in needs",
      "POST",
      "/api/auth/signin",
      json,
      JSON.stringify({ email: "a@example.org", password: "x".repeat(9000) }),
      413,
      "PAYLOAD_TOO_LARGE",
      "8192 bytes",
    ],
    ["a body larger than any route needs", "PATCH", "/api/me", json, JSON.stringify({ name: "x".repeat(70_000) }), 413, "PAYLOAD_TOO_LARGE", "65536 bytes"],
    ["a body that is not JSON", "POST", "/api/auth/signin", { "content-type": "text/xml" }, "<signin/>", 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"],
    ["a body without a content-type", "POST", "/api/auth/signin", {}, '{"email":"a@example.org"}', 415, "UNSUPPORTED_MEDIA_TYPE", "no content-type"],
    ["an empty JSON body", "POST", "/api/auth/signin", json, "", 400, "INVALID_INPUT", "empty"],
    ["malformed JSON", "POST", "/api/auth/signin", json, '{"email":', 400, "INVALID_INPUT", "not valid JSON"],
    ["a prototype in JSON", "POST", "/api/auth/signin", json, '{"__proto__":{"admin":true}}', 400, "INVALID_INPUT", "not valid JSON"],
  ])("answers %s with problem+json", async (_, method, url, headers, payload, status, code, words) => {
    const response = await t.app.inject({ method: method as "POST", url, headers, payload });
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.headers["x-request-id"]).toBeDefined();
    expect(response.json()).toMatchObject({ status, code, instance: url });
    expect(response.json().detail).toContain(words);
  });
});

describe("paths", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it.each([
    ["a long project slug that names nothing", `/api/projects/${"a".repeat(150)}`, 404, "NOT_FOUND", "There is no project"],
    ["the longest slug there can be", `/api/projects/${"a".repeat(200)}`, 404, "NOT_FOUND", "There is no project"],
    ["a slug longer than any slug", `/api/projects/${"a".repeat(201)}`, 400, "INVALID_INPUT", "at most 200 characters"],
    ["a term slug longer than any slug", `/api/terms/${"a".repeat(5000)}/projects`, 400, "INVALID_INPUT", "at most 200 characters"],
    ["a path that is not percent-encoded properly", "/api/projects/%E0%A4%A", 400, "INVALID_INPUT", "percent-encoded"],
  ])("answers %s with problem+json", async (_, url, status, code, words) => {
    const response = await t.app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.headers["x-request-id"]).toBeDefined();
    expect(response.json()).toMatchObject({ status, code });
    expect(response.json().detail).toContain(words);
  });
});

describe("requests the server cannot read", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => t.dispose());

  /** Sends raw bytes and reads everything the server answers before it closes the connection. */
  const raw = (bytes: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes));
      let answer = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk) => {
        answer += chunk;
      });
      socket.on("close", () => resolve(answer));
      socket.on("error", reject);
    });

  it.each([
    ["a request line that is not HTTP", "NOT HTTP AT ALL\r\n\r\n", 400, "INVALID_INPUT"],
    ["headers larger than the server reads", `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431, "HEADERS_TOO_LARGE"],
  ])("answers %s with problem+json", async (_, bytes, status, code) => {
    const answer = await raw(bytes);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.toLowerCase()).toContain("content-type: application/problem+json");
    expect(JSON.parse(body)).toMatchObject({ status, code, requestId: expect.any(String) });
  });
});

describe.each(testDialects())("text with control characters on %s", (dialect) => {
  let t: TestApp;
  let ada: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    await seedCatalogFixture(t.context.database);
    ada = await signUpAndVerify(t, { name: "Ada Lovelace", email: "ada@example.org", password: PASSWORD });
  });
  afterAll(() => t.dispose());

  const refused = (response: { statusCode: number; headers: Record<string, unknown>; json(): { code: string; detail: string } }, field: string) => {
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("INVALID_INPUT");
    expect(response.json().detail).toContain(field);
    expect(response.json().detail).toContain("U+0000");
  };

  it.each([
    ["org", `?org=kestrel%00`, "querystring.org"],
    ["a second org", `?org=kestrel&org=%00`, "querystring.org"],
    ["skill", `?skill=go%00`, "querystring.skill"],
    ["q", `?q=flow%00logs`, "querystring.q"],
  ])("refuses NUL in the catalog's %s", async (_, query, field) => {
    refused(await t.app.inject({ method: "GET", url: `/api/terms/${TERM}/projects${query}` }), field);
  });

  it("refuses NUL in a sign-up name", async () => {
    refused(
      await t.app.inject({ method: "POST", url: "/api/auth/signup", payload: { name: "Eve\u0000", email: "eve@example.org", password: PASSWORD } }),
      "body.name",
    );
  });

  it("refuses a right-to-left override in a sign-up name", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { name: "Eve\u202Enimda", email: "eve@example.org", password: PASSWORD },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("invisible formatting characters");
  });

  it.each([
    ["profile name", "PATCH", "/api/me", { name: "Ada\u0000" }, "body.name"],
    ["profile skill", "PATCH", "/api/me", { skills: ["go\u0000"] }, "body.skills"],
    ["token name", "POST", "/api/me/tokens", { name: "ci\u0000", scope: "read" }, "body.name"],
  ])("refuses NUL in a %s", async (_, method, url, payload, field) => {
    refused(await t.app.inject({ method: method as "POST", url, payload, headers: asBrowser(ada) }), field);
  });
});
