import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.ts";
import { testDialects } from "../../test/helpers/databases.ts";
import { enqueueNotification } from "../storage/repos/outbox-repo.ts";
import { scheduleJob } from "../storage/repos/scheduled-job-repo.ts";

const TOKEN = "metrics-token-for-the-test-0123456789";

/** One sample's value from the text format, by its name and labels as written. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe.each(testDialects())("GET /metrics on %s", (dialect) => {
  let t: TestApp;
  const scrape = async (authorization?: string) => t.app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { metricsToken: TOKEN } });
  }, 120_000);
  afterAll(() => t.dispose());

  it("answers only a request bearing the token, and never says the token", async () => {
    for (const authorization of [undefined, "Bearer wrong", `Basic ${TOKEN}`]) {
      const refused = await scrape(authorization);
      expect(refused.statusCode).toBe(401);
      expect(refused.body).not.toContain(TOKEN);
    }
    const answered = await scrape(`Bearer ${TOKEN}`);
    expect(answered.statusCode).toBe(200);
    expect(answered.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("names every family an operator watches, and its counters move with requests, the outbox and the jobs", async () => {
    const before = (await scrape(`Bearer ${TOKEN}`)).body;
    for (const name of [
      "cohort_http_requests_total",
      "cohort_http_request_duration_seconds_bucket",
      'cohort_outbox_messages{state="pending"}',
      "cohort_outbox_oldest_pending_age_seconds",
      "cohort_scheduled_jobs_due",
      "cohort_scheduled_jobs_late",
      'cohort_db_pool_connections{state="open"}',
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
    ]) {
      expect(before, name).toContain(name);
    }
    const healthz = 'cohort_http_requests_total{method="GET",route="/healthz",status="200"}';
    const healthzBefore = sample(before, healthz) ?? 0;
    await t.app.inject({ method: "GET", url: "/healthz" });
    await t.app.inject({ method: "GET", url: "/healthz" });
    // A path with an id is counted under its pattern, so ids never make new series.
    await t.app.inject({ method: "GET", url: "/api/mentorships/123456" });

    const now = t.context.now();
    const db = t.context.database.db;
    await enqueueNotification(db, {
      dedupeKey: "metrics-test",
      recipientEmail: "ada@example.org",
      recipientPersonId: null,
      programId: null,
      subject: "Hello",
      text: "Hello",
      html: "<p>Hello</p>",
      at: new Date(now.getTime() - 90_000),
    });
    await scheduleJob(db, { kind: "test.metrics", key: "test.metrics", dueAt: new Date(now.getTime() - 120_000), payload: {}, at: now });

    const after = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(sample(after, healthz)).toBe(healthzBefore + 2);
    expect(after).toContain('route="/api/mentorships/:mentorship",status="401"');
    expect(after).not.toContain("123456");
    expect(sample(after, 'cohort_outbox_messages{state="pending"}')).toBe((sample(before, 'cohort_outbox_messages{state="pending"}') ?? 0) + 1);
    expect(sample(after, "cohort_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(sample(after, "cohort_scheduled_jobs_due")).toBeGreaterThanOrEqual(1);
    expect(sample(after, "cohort_scheduled_jobs_late")).toBeGreaterThanOrEqual(1);
    // Nothing else runs: the scrape's own queries are not counted as requests waiting for a connection.
    expect(sample(after, 'cohort_db_pool_connections{state="waiting"}')).toBe(0);
  });
});

describe("GET /metrics without COHORT_METRICS_TOKEN", () => {
  it("does not exist", async () => {
    const t = await createTestApp("sqlite");
    try {
      expect(
        (await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}`, accept: "application/json" } })).statusCode,
      ).toBe(404);
    } finally {
      await t.dispose();
    }
  });
});
