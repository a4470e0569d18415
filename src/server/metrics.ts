import type { FastifyReply, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { OUTBOX_STATES } from "../domain/outbox-states.ts";
import type { DatabaseHandle } from "../storage/database.ts";

/** How long past its instant a due job counts as late: the scheduler polls every few seconds, so a minute means it is stuck. */
const LATE_AFTER_MS = 60_000;

/** The server's metrics in the Prometheus format, and the hook that counts each request. */
export interface Metrics {
  registry: Registry;
  observe(request: FastifyRequest, reply: FastifyReply): void;
}

/**
 * The metrics of one server (a registry of its own, so several apps in one test process do not
 * share counters): requests and their durations per route and status; the outbox and the
 * scheduled jobs, read from the database at each scrape (so every process reports the shared
 * queue); the database pool; and Node's process metrics (memory, event-loop lag, CPU).
 */
export function createMetrics(options: { database: DatabaseHandle; now: () => Date }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "cohort_http_requests_total",
    help: "HTTP requests answered, by route pattern and status.",
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "cohort_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern and status.",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const db = options.database.db;

  // Registered before the gauges that query, so a scrape reads the pool before its own queries wait for it.
  new Gauge({
    name: "cohort_db_pool_connections",
    help: "Database connections of this process: open, idle, and requests waiting for one.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const use = options.database.poolUse();
      this.set({ state: "open" }, use.open);
      this.set({ state: "idle" }, use.idle);
      this.set({ state: "waiting" }, use.waiting);
    },
  });

  new Gauge({
    name: "cohort_outbox_messages",
    help: "Outbox messages by state.",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom("outbox")
        .select(["state", (eb) => eb.fn.countAll<number>().as("count")])
        .groupBy("state")
        .execute();
      for (const state of OUTBOX_STATES) this.set({ state }, Number(rows.find((row) => row.state === state)?.count ?? 0));
    },
  });
  new Gauge({
    name: "cohort_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest outbox message waiting to be sent; 0 when none waits.",
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom("outbox")
        .select((eb) => eb.fn.min("createdAt").as("oldest"))
        .where("state", "in", ["pending", "sending"])
        .executeTakeFirst();
      const oldest = row?.oldest ? new Date(row.oldest as string).getTime() : null;
      this.set(oldest === null ? 0 : Math.max(0, (options.now().getTime() - oldest) / 1000));
    },
  });
  new Gauge({
    name: "cohort_scheduled_jobs_due",
    help: "Scheduled jobs whose instant has come and that wait for a worker.",
    registers: [registry],
    async collect() {
      this.set(await countDueJobs(options.database, options.now()));
    },
  });
  new Gauge({
    name: "cohort_scheduled_jobs_late",
    help: `Scheduled jobs still waiting more than ${LATE_AFTER_MS / 1000} s after their instant.`,
    registers: [registry],
    async collect() {
      this.set(await countDueJobs(options.database, new Date(options.now().getTime() - LATE_AFTER_MS)));
    },
  });
  return {
    registry,
    observe(request, reply) {
      // The route's pattern, never its path: /api/applications/:application is one series, not one per id.
      const labels = { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) };
      requests.inc(labels);
      durations.observe(labels, reply.elapsedTime / 1000);
    },
  };
}

async function countDueJobs(database: DatabaseHandle, dueBy: Date): Promise<number> {
  const row = await database.db
    .selectFrom("scheduledJobs")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("state", "=", "pending")
    .where("dueAt", "<=", dueBy.toISOString())
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
