import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.ts";
import { securityHeadersFor } from "./security-headers.ts";

describe("security headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("are the same on an answer, a refused request and an unknown address", async () => {
    const answers = await Promise.all([
      t.app.inject({ method: "GET", url: "/healthz" }),
      t.app.inject({ method: "GET", url: "/api/terms/no-such-term/projects?page=0" }),
      t.app.inject({ method: "GET", url: "/api/no-such-route" }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 400, 404]);
    for (const answer of answers) {
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(answer.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("send Strict-Transport-Security only when asked to", () => {
    expect(securityHeadersFor({ strictTransportSecurity: false })["strict-transport-security"]).toBeUndefined();
    expect(securityHeadersFor({})["strict-transport-security"]).toMatch(/^max-age=\d+/);
  });
});
