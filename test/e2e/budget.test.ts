import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { setupWebApp } from "./support.ts";

const app = setupWebApp();

/** The policy the server will send: nothing inline, nothing from elsewhere. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe("budget and policy", () => {
  test("the catalog page loads under 150 KB of gzipped JavaScript and runs under a strict Content-Security-Policy", async () => {
    const { context, page, open, errors } = await app.newPage();
    await context.route("**/*", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { __cspViolations?: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const scripts: Promise<Buffer>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.body());
    });

    await open(`/terms/${OPEN_TERM.term}/projects?skill=go`);
    await page.locator(".result-list .card-title").first().waitFor();
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    // React's development build (e.g. from a build run with NODE_ENV=test) is big and slow: never ship it.
    expect(bodies.some((body) => body.includes("better development experience"))).toBe(false);
    const sizes = bodies.map((body) => gzipSync(body, { level: 9 }).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(150 * 1024);
    expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
