import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { loadConfig } from "../config/config.ts";
import { type DatabaseHandle, openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { buildApp } from "./app.ts";

type App = Awaited<ReturnType<typeof buildApp>>;

// Two servers on one database, each with its own connections, as two processes would be: a
// limit of 5 a minute is 5 for both together, not 5 each.
describe.each(testDialects())("rate limits shared by two servers on one %s database", (dialect) => {
  const handles: DatabaseHandle[] = [];
  const apps: App[] = [];
  let now = new Date("2026-12-02T10:00:00.000Z");
  let disposeTarget: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    disposeTarget = target.dispose;
    for (let index = 0; index < 2; index += 1) {
      const database = await openDatabase(target.url, { poolSize: 2 });
      if (index === 0) await migrateToLatest(database.db);
      handles.push(database);
      const context = { config: { ...loadConfig({}), databaseUrl: target.url }, database, now: () => now, baseUrl: () => "http://cohort.test" };
      const app = await buildApp({ context, webRoot: "/nonexistent/cohort-web-dist", rateLimits: true });
      await app.ready();
      apps.push(app);
    }
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    await disposeTarget();
  });

  const ask = (app: App) =>
    app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: "ada@example.org" }, remoteAddress: "203.0.113.7" });

  it("counts the hits at both servers against one limit, and opens again when the window ends", async () => {
    const statuses: number[] = [];
    for (let hit = 0; hit < 6; hit += 1) statuses.push((await ask(apps[hit % 2] as App)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await ask(apps[0] as App)).statusCode).toBe(429);
    now = new Date(now.getTime() + 60_000);
    expect((await ask(apps[1] as App)).statusCode).toBe(202);
  });

  it("counts every hit of many at once exactly once", async () => {
    now = new Date(now.getTime() + 120_000);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => ask(apps[index % 2] as App)));
    expect(answers.filter((answer) => answer.statusCode === 202)).toHaveLength(5);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(7);
  });
});
