import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where `npm run build` writes the web UI. */
export const WEB_DIST = path.resolve(import.meta.dirname, "../../web/dist");

/**
 * Serves the built web UI: hashed assets cached for a year (precompressed .br/.gz when the
 * build wrote them), and index.html for every other page path so that client-side routes load
 * directly (with 404 for a path the web UI does not route, src/domain/web-pages.ts). API paths
 * never fall back to the page. Returns false when no build exists.
 */
export async function serveWebUi(app: FastifyInstance, root = WEB_DIST): Promise<boolean> {
  const index = path.join(root, "index.html");
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(response, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      response.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return true;
}

/** True when a request should get the web UI's page rather than an API error. */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const pathname = url.split("?")[0] ?? "";
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname === "/healthz" || pathname === "/readyz") return false;
  if (/\.[a-z0-9]+$/i.test(pathname)) return false;
  return accept === undefined || accept.includes("text/html") || accept.includes("*/*");
}
