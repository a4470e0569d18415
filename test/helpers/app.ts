import type { FastifyInstance } from "fastify";
import { type Config, loadConfig } from "../../src/config/config.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Dialect } from "../../src/storage/database.ts";
import { openMigratedTestDatabase } from "./databases.ts";

/** A test server on a fresh migrated database, with a clock the test sets. */
export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  setNow(instant: Date | string): void;
  dispose(): Promise<void>;
}

/**
 * Builds the real app (no listening socket: requests go through `app.inject`). The web UI is
 * served from `webRoot`; by default a folder with no build, so route tests do not depend on
 * whether `npm run build` ran.
 */
export async function createTestApp(
  dialect: Dialect = "sqlite",
  options: { webRoot?: string; rateLimits?: boolean; config?: Partial<Config>; clock?: () => Date } = {},
): Promise<TestApp> {
  const { handle, dispose } = await openMigratedTestDatabase(dialect);
  let now = new Date();
  const context: AppContext = {
    config: { ...loadConfig({}), databaseUrl: "test", ...options.config },
    database: handle,
    // A clock of the test's own (one that moves as requests read it) replaces the one setNow sets.
    now: options.clock ?? (() => now),
    baseUrl: () => "http://cohort.test",
  };
  const app = await buildApp({ context, webRoot: options.webRoot ?? "/nonexistent/cohort-web-dist", rateLimits: options.rateLimits ?? true });
  await app.ready();
  return {
    app,
    context,
    setNow(instant) {
      now = new Date(instant);
    },
    async dispose() {
      await app.close();
      await dispose();
    },
  };
}
