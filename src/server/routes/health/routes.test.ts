import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { WEB_PAGES } from "../../../domain/web-pages.ts";

describe.each(testDialects())("health probes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.dispose());

  it("/healthz says the process is alive", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("/readyz says the database answers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ready", database: dialect });
  });
});

describe("server basics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("/readyz answers 503 problem+json once the database is gone", async () => {
    const other = await createTestApp("sqlite");
    await other.context.database.close();
    const response = await other.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE", status: 503 });
    await other.app.close();
  });

  it("an unknown API path answers 404 problem+json with the request id", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nowhere?x=1", headers: { "x-request-id": "trace-123" } });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toEqual({
      type: "urn:cohort:error:not_found",
      title: "Not found",
      status: 404,
      code: "NOT_FOUND",
      detail: "There is no GET /api/nowhere on this server; the API is described at /api/docs.",
      instance: "/api/nowhere",
      requestId: "trace-123",
    });
  });

  it("a page path says how to build the web UI when it is not built", async () => {
    const response = await t.app.inject({ method: "GET", url: "/terms/anything", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("npm run build");
  });

  it("a page path gets the web UI's index.html, while assets and API paths do not fall back", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Cohort</title>");
    fs.writeFileSync(path.join(webRoot, "assets", "app-1234.js"), "console.log(1)");
    const web = await createTestApp("sqlite", { webRoot });
    try {
      const page = await web.app.inject({ method: "GET", url: "/terms/2024-02-jun-aug/projects?skill=go", headers: { accept: "text/html" } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>Cohort</title>");
      expect(page.headers["cache-control"]).toBe("no-cache");
      const asset = await web.app.inject({ method: "GET", url: "/assets/app-1234.js" });
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect((await web.app.inject({ method: "GET", url: "/assets/missing.js" })).statusCode).toBe(404);
      expect((await web.app.inject({ method: "GET", url: "/api/missing", headers: { accept: "text/html" } })).statusCode).toBe(404);
    } finally {
      await web.dispose();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it("knows its pages from the very list the web router routes, each page once and no address written by hand", () => {
    const router = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../web/src/app.tsx"), "utf8");
    const routed = [...router.matchAll(/<Route path=\{WEB_PAGES\.(\w+)\}/g)].map((match) => match[1]);
    expect(routed.sort()).toEqual(Object.keys(WEB_PAGES).sort());
    expect(router).not.toMatch(/<Route path="/);
  });

  it("answers 200 for the web UI's pages and 404 with the same page for an address it does not route", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-web-"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Cohort</title>");
    const web = await createTestApp("sqlite", { webRoot });
    const page = (url: string) => web.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    try {
      for (const url of [
        "/",
        "/programs/cncf-lfx",
        "/terms/2024-02-jun-aug",
        "/terms/2024-02-jun-aug/projects?q=go",
        "/projects/x",
        "/account/tokens/",
        "/admin/cncf-lfx/outbox",
      ]) {
        expect((await page(url)).statusCode, url).toBe(200);
      }
      for (const url of ["/no/such/page", "/terms/2024-02-jun-aug/projects/harbor", "/programs", "/programs/", "/terms//projects", "/admin/cncf-lfx/nope"]) {
        const response = await page(url);
        expect(response.statusCode, url).toBe(404);
        // The web UI itself shows its not-found page, with a way home.
        expect(response.headers["content-type"]).toContain("text/html");
        expect(response.body).toContain("<title>Cohort</title>");
      }
    } finally {
      await web.dispose();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it("sends security headers with a Content-Security-Policy that allows only the site's own code", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("an unsafe incoming request id is replaced", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "<script>" } });
    expect(response.headers["x-request-id"]).not.toBe("<script>");
  });

  it("serves an OpenAPI 3 document generated from the route schemas", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths["/healthz"].get.responses["200"]).toBeDefined();
    expect(document.paths["/readyz"].get.responses["503"].content["application/json"].schema).toBeDefined();
    expect(document.paths["/api/openapi.json"]).toBeUndefined();
  });

  it("serves a readable API reference at /api/docs", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });
});

describe("log lines", () => {
  it("keep the query of a request but not the one-time secrets in it", async () => {
    const { loggableUrl } = await import("../../app.ts");
    expect(loggableUrl("/api/auth/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fid.example")).toBe(
      "/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fid.example",
    );
    expect(loggableUrl("/api/terms/t/projects?q=kubernetes&skill=go")).toBe("/api/terms/t/projects?q=kubernetes&skill=go");
  });
});
