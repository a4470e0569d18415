import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CRASH_JOB_KIND, runDyingJobProcess } from "../../test/helpers/crash-during-job.ts";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { listAuditEventsFor, recordAuditEvent } from "../storage/repos/audit-repo.ts";
import { findJobByKey, scheduleJob } from "../storage/repos/scheduled-job-repo.ts";
import { defineJobHandler } from "./handlers/job-handler.ts";
import { createScheduler } from "./scheduler.ts";

const LEASE_MS = 5 * 60_000;

describe.each(testDialects())("a server process killed during a scheduled job on %s", (dialect) => {
  it("leaves nothing of the job's effect, and the job runs again once after its lease", async () => {
    const target = await createTestDatabase(dialect);
    const database = await openDatabase(target.url);
    try {
      await migrateToLatest(database.db);
      const startedAt = new Date();
      await scheduleJob(database.db, { kind: CRASH_JOB_KIND, key: "crash", dueAt: startedAt, payload: { label: "crash" }, at: startedAt });

      expect(await runDyingJobProcess(target.url)).toBe("SIGKILL");
      // The effect was written but never committed: nobody sees it, and the job is still claimed.
      expect(await listAuditEventsFor(database.db, "test", "crash")).toEqual([]);
      expect(await findJobByKey(database.db, "crash")).toMatchObject({ state: "running", attempts: 1 });

      const surviving = defineJobHandler({
        kind: CRASH_JOB_KIND,
        payload: z.object({ label: z.string() }),
        async run({ db, payload, now }) {
          const event = { programId: null, actor: { personId: null, label: "crash test" }, action: "term.imported" as const, objectType: "test" };
          await recordAuditEvent(db, { ...event, objectId: payload.label, changes: {}, at: now });
          return undefined;
        },
      });
      let clock = new Date();
      const scheduler = createScheduler({ database, log: { debug() {}, info() {}, warn() {}, error() {} }, handlers: [surviving], now: () => clock });
      // Within the dead worker's lease nobody takes the job over.
      expect(await scheduler.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
      clock = new Date(Date.now() + LEASE_MS + 60_000);
      expect(await scheduler.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
      expect(await scheduler.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
      await scheduler.stop();

      expect(await listAuditEventsFor(database.db, "test", "crash")).toHaveLength(1);
      expect(await findJobByKey(database.db, "crash")).toMatchObject({ state: "done", attempts: 2 });
    } finally {
      await database.close();
      await target.dispose();
    }
  }, 60_000);
});
