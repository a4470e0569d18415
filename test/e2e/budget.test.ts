import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signUpThroughApi } from "./accounts.ts";
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
    const scriptUrls: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(response.body());
      scriptUrls.push(response.url());
    });

    await open(`/terms/${OPEN_TERM.term}/projects?skill=go`);
    await page.locator(".result-list .card-title").first().waitFor();
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    // React's development build (e.g. from a build run with NODE_ENV=test) is big and slow: never ship it.
    expect(bodies.some((body) => body.includes("better development experience"))).toBe(false);
    const sizes = bodies.map((body) => gzipSync(body, { level: 9 }).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(150 * 1024);
    // The account and admin pages are chunks of their own, which the public pages never load.
    expect(scriptUrls.filter((url) => /(sign-|account|admin|token|invitation|verify|reset)/.test(new URL(url).pathname))).toEqual([]);
    expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the sign-up page, its errors and the header's menu run under the strict Content-Security-Policy", async () => {
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
    await open("/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator(".field-error").first().waitFor();
    await open("/sign-in?error=denied");
    await page.getByRole("alert").waitFor();
    await signUpThroughApi(app.server(), context, { name: "Policy Tester", email: "policy@example.org", password: PASSWORD });
    await open("/account");
    await page.locator(".account-button").click();
    await page.locator(".menu-panel").getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
