import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../helpers/accounts.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";

const UNSAFE = ["post", "put", "patch", "delete"];

/** Every unsafe route the OpenAPI document declares, as "METHOD /path" with `{param}` kept. */
async function unsafeRoutes(t: TestApp): Promise<Array<{ method: string; path: string }>> {
  const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => UNSAFE.includes(method))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}

describe("a read-scope API token changes nothing, on any route", () => {
  let t: TestApp;
  let owner: TestSession;
  let readToken: string;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { rateLimits: false });
    owner = await signUpAndVerify(t, { name: "Rita Reader", email: "rita@example.org", password: "a long enough password" });
    const created = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "reader", scope: "read" }, headers: asBrowser(owner) });
    readToken = created.json().token;
  });
  afterAll(() => t.dispose());

  it("the token reads", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${readToken}` } });
    expect(me.json()).toMatchObject({ authenticatedWith: "token", name: "Rita Reader" });
  });

  it("every POST, PUT, PATCH and DELETE the API declares answers 403 to it", async () => {
    const routes = await unsafeRoutes(t);
    // A walk over an empty or broken document would pass on nothing.
    expect(routes.length).toBeGreaterThan(10);
    const answers: Record<string, string> = {};
    for (const { method, path } of routes) {
      // Any value fits the parameters: the refusal comes before the route looks at them.
      const url = path.replace(/\{\w+\}/g, "1");
      const response = await t.app.inject({ method: method as "POST", url, payload: {}, headers: { authorization: `Bearer ${readToken}` } });
      const detail = String(response.headers["content-type"]).includes("json") ? (response.json() as { detail?: string }).detail : response.body;
      answers[`${method} ${path}`] = `${response.statusCode} ${detail}`;
    }
    const refused = "403 This API token may only read; create a token with the write scope.";
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((route) => [route, refused])));
    // The walk changed nothing: the owner's sessions still work.
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: owner.cookie } })).statusCode).toBe(200);
  });
});
