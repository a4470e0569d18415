import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, openMigratedTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { type DatabaseHandle, openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { listAuditEventsFor, recordAuditEvent } from "../storage/repos/audit-repo.ts";
import {
  cancelJob,
  claimDueJobs,
  findJobByKey,
  type JobPayload,
  listFailedJobs,
  SCHEDULED_JOB_MAX_ATTEMPTS,
  scheduleJob,
} from "../storage/repos/scheduled-job-repo.ts";
import { inTransaction } from "../storage/transaction.ts";
import { defineJobHandler, type JobHandler } from "./handlers/job-handler.ts";
import { createScheduler, type Scheduler } from "./scheduler.ts";
import type { WorkerLog } from "./worker-loop.ts";

const T0 = new Date("2026-12-01T12:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const quiet: WorkerLog = { debug() {}, info() {}, warn() {}, error() {} };

/** The visible effect of a test job: one audit event per run that committed. */
function recordEffect(db: Parameters<typeof recordAuditEvent>[0], label: string, at: Date) {
  return recordAuditEvent(db, {
    programId: null,
    actor: { personId: null, label: "scheduler test" },
    action: "term.imported",
    objectType: "test",
    objectId: label,
    changes: {},
    at,
  });
}

describe.each(testDialects())("scheduled jobs on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let clock: Date;
  // Failures left for the flaky kind, by label.
  const failuresLeft = new Map<string, number>();
  const schedulers: Scheduler[] = [];

  const record = defineJobHandler({
    kind: "test.record",
    payload: z.object({ label: z.string() }),
    async run({ db, payload, now }) {
      await recordEffect(db, payload.label, now);
      return undefined;
    },
  });
  // Performs its effect, then throws while it has failures left: the effect must roll back.
  const flaky = defineJobHandler({
    kind: "test.flaky",
    payload: z.object({ label: z.string() }),
    async run({ db, payload, now }) {
      await recordEffect(db, payload.label, now);
      const left = failuresLeft.get(payload.label) ?? 0;
      if (left > 0) {
        failuresLeft.set(payload.label, left - 1);
        throw new Error(`the partner service answered 503 (${left} left)`);
      }
      return undefined;
    },
  });
  const handlers: JobHandler[] = [record, flaky];

  beforeEach(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    dispose = opened.dispose;
    clock = T0;
  });
  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    await dispose();
  });

  function scheduler(options: { on?: DatabaseHandle; batchSize?: number } = {}): Scheduler {
    const created = createScheduler({
      database: options.on ?? database,
      log: quiet,
      handlers,
      now: () => clock,
      random: () => 1,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    schedulers.push(created);
    return created;
  }

  function schedule(kind: string, key: string, payload: JobPayload, dueAt = T0, on = database) {
    return inTransaction(on, (db) => scheduleJob(db, { kind, key, dueAt, payload, at: T0 }));
  }

  async function effects(label: string): Promise<number> {
    return (await listAuditEventsFor(database.db, "test", label)).length;
  }

  it("runs a job once its instant has come, and never before", async () => {
    const jobs = scheduler();
    await schedule("test.record", "later", { label: "later" }, new Date(T0.getTime() + HOUR));

    clock = new Date(T0.getTime() + HOUR - 1);
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("later")).toBe(0);

    clock = new Date(T0.getTime() + HOUR);
    expect(await jobs.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("later")).toBe(1);
    expect(await findJobByKey(database.db, "later")).toMatchObject({ state: "done", attempts: 1, doneAt: clock.toISOString(), leaseUntil: null });
  });

  it("keeps one job for a key scheduled twice, moved to the new instant; a done job stays done", async () => {
    const jobs = scheduler();
    const first = await schedule("test.record", "deadline-reminder", { label: "old" }, new Date(T0.getTime() + HOUR));
    const again = await schedule("test.record", "deadline-reminder", { label: "moved" }, new Date(T0.getTime() + 2 * HOUR));
    expect(first).toMatchObject({ created: true, state: "pending" });
    expect(again).toEqual({ id: first.id, created: false, state: "pending" });

    // The deadline moved: the reminder is no longer due at its first instant.
    clock = new Date(T0.getTime() + HOUR);
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock = new Date(T0.getTime() + 2 * HOUR);
    expect(await jobs.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await effects("old")).toBe(0);
    expect(await effects("moved")).toBe(1);

    const afterDone = await schedule("test.record", "deadline-reminder", { label: "moved" }, clock);
    expect(afterDone).toEqual({ id: first.id, created: false, state: "done" });
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("moved")).toBe(1);
  });

  it("runs nothing for a cancelled job", async () => {
    const jobs = scheduler();
    await schedule("test.record", "cancelled", { label: "cancelled" });
    expect(await inTransaction(database, (db) => cancelJob(db, "cancelled"))).toBe(true);
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("cancelled")).toBe(0);
    expect(await findJobByKey(database.db, "cancelled")).toBeUndefined();
  });

  it("runs each job exactly once when two workers run at the same time", async () => {
    const target = await createTestDatabase(dialect);
    // PostgreSQL: two schedulers on two pools, as two server processes. SQLite: two schedulers on
    // the one connection a process has (a second connection in the same process would wait for
    // the first one's write lock while blocking the event loop the first one needs to finish).
    const first = await openDatabase(target.url, { poolSize: 4 });
    const second = dialect === "postgres" ? await openDatabase(target.url, { poolSize: 4 }) : first;
    try {
      await migrateToLatest(first.db);
      const labels = Array.from({ length: 24 }, (_, index) => `pair-${index}`);
      for (const label of labels) await schedule("test.record", label, { label }, T0, first);
      const a = scheduler({ on: first, batchSize: 3 });
      const b = scheduler({ on: second, batchSize: 3 });

      const results = await Promise.all([a.runDueJobs(), b.runDueJobs(), a.runDueJobs(), b.runDueJobs()]);
      expect(results.reduce((sum, result) => sum + result.done, 0)).toBe(labels.length);
      // Both workers really worked side by side.
      expect(results[0]?.done).toBeGreaterThan(0);
      expect(results[1]?.done).toBeGreaterThan(0);
      for (const label of labels) expect((await listAuditEventsFor(first.db, "test", label)).length).toBe(1);
    } finally {
      for (const running of schedulers.splice(0)) await running.stop();
      if (second !== first) await second.close();
      await first.close();
      await target.dispose();
    }
  });

  it("rolls back the effect of a run that throws and retries it with growing backoff", async () => {
    const jobs = scheduler();
    failuresLeft.set("flaky", 2);
    await schedule("test.flaky", "flaky", { label: "flaky" });

    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 1, failed: 0 });
    const first = await findJobByKey(database.db, "flaky");
    expect(first).toMatchObject({ state: "pending", attempts: 1, leaseUntil: null, lastError: "the partner service answered 503 (2 left)" });
    // With the jitter at its top, the first retry waits 1 min × 2^1.
    expect(Date.parse(first?.dueAt ?? "")).toBe(T0.getTime() + 2 * MINUTE);
    expect(await effects("flaky")).toBe(0);

    clock = new Date(T0.getTime() + 2 * MINUTE - 1);
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock = new Date(T0.getTime() + 2 * MINUTE);
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 1, failed: 0 });
    const second = await findJobByKey(database.db, "flaky");
    expect(second).toMatchObject({ attempts: 2, lastError: "the partner service answered 503 (1 left)" });
    expect(Date.parse(second?.dueAt ?? "")).toBe(clock.getTime() + 4 * MINUTE);

    clock = new Date(clock.getTime() + 4 * MINUTE);
    expect(await jobs.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await effects("flaky")).toBe(1);
    expect(await findJobByKey(database.db, "flaky")).toMatchObject({ state: "done", attempts: 3, lastError: null });
  });

  it("keeps a job whose handler keeps throwing as failed, with its error, for admins", async () => {
    const jobs = scheduler();
    failuresLeft.set("broken", Number.POSITIVE_INFINITY);
    await schedule("test.flaky", "broken", { label: "broken" });

    for (let attempt = 1; attempt <= SCHEDULED_JOB_MAX_ATTEMPTS; attempt += 1) {
      const result = await jobs.runDueJobs();
      expect(result).toEqual(attempt < SCHEDULED_JOB_MAX_ATTEMPTS ? { done: 0, retried: 1, failed: 0 } : { done: 0, retried: 0, failed: 1 });
      clock = new Date(clock.getTime() + 7 * HOUR);
    }
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("broken")).toBe(0);
    const failed = await listFailedJobs(database.db, { limit: 10, offset: 0 });
    expect(failed.map((job) => [job.key, job.state, job.attempts])).toEqual([["broken", "failed", SCHEDULED_JOB_MAX_ATTEMPTS]]);
    expect(failed[0]?.lastError).toContain("the partner service answered 503");
  });

  it("fails a job of an unknown kind or with an invalid payload at once, saying why", async () => {
    const jobs = scheduler();
    await schedule("test.retired", "unknown-kind", {});
    await schedule("test.record", "bad-payload", { label: 42 });

    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 2 });
    expect(await findJobByKey(database.db, "unknown-kind")).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: 'No handler runs jobs of kind "test.retired"; this server version does not know it.',
    });
    const bad = await findJobByKey(database.db, "bad-payload");
    expect(bad?.state).toBe("failed");
    expect(bad?.lastError).toMatch(/^The payload of this test\.record job is invalid: label: /);
    expect((await listFailedJobs(database.db, { limit: 10, offset: 0 })).map((job) => job.key).sort()).toEqual(["bad-payload", "unknown-kind"]);
  });

  it("runs again once, after its lease, a job whose worker died before it committed", async () => {
    const jobs = scheduler();
    await schedule("test.record", "orphan", { label: "orphan" });
    // Another worker claimed the job and died before its transaction began: the row says running.
    expect(await claimDueJobs(database.db, { now: T0, limit: 1, leaseMs: 5 * MINUTE })).toHaveLength(1);

    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock = new Date(T0.getTime() + 5 * MINUTE);
    expect(await jobs.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await jobs.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await effects("orphan")).toBe(1);
    expect(await findJobByKey(database.db, "orphan")).toMatchObject({ state: "done", attempts: 2 });
  });
});
