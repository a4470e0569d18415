import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { DatabaseHandle } from "../storage/database.ts";
import { hitRateLimit } from "../storage/repos/rate-limit-repo.ts";

/**
 * A store for @fastify/rate-limit that counts in the database (`rate_limit_counters`), so any
 * number of server processes on one database share each limit instead of multiplying it. Each
 * route counts under its own prefix, as the plugin's own stores do.
 */
export function databaseRateLimitStore(database: DatabaseHandle, now: () => Date): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore {
    private readonly prefix: string;

    // The plugin constructs the store with its settings; `child` with a route's prefix.
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === "string" ? prefix : "";
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number): void {
      const at = now();
      hitRateLimit(database.db, { key: `${this.prefix}${key}`, windowMs: timeWindow ?? 60_000, now: at }).then(
        ({ hits, windowEnds }) => callback(null, { current: hits, ttl: Math.max(0, windowEnds.getTime() - at.getTime()) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // The plugin passes a route's merged limit settings with the route under `routeInfo` (its
    // typings say the route options themselves), as its own Redis store reads them.
    child(settings: object): DatabaseRateLimitStore {
      const route = (settings as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(`${[route.method ?? ""].flat().join(",")} ${route.url ?? ""} `);
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
