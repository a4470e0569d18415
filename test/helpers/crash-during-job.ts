// A server process that dies (SIGKILL) in the middle of a scheduled job: after the job's effect
// was written in its transaction, before that transaction committed. Usage: crash-during-job.ts DATABASE_URL
import { z } from "zod";
import { defineJobHandler } from "../../src/jobs/handlers/job-handler.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { recordAuditEvent } from "../../src/storage/repos/audit-repo.ts";

/** The kind the crash test schedules; its effect is one audit event about the job's label. */
export const CRASH_JOB_KIND = "test.crash";

const url = process.argv[2];
if (url) {
  const database = await openDatabase(url);
  const dying = defineJobHandler({
    kind: CRASH_JOB_KIND,
    payload: z.object({ label: z.string() }),
    async run({ db, payload, now }) {
      await recordAuditEvent(db, {
        programId: null,
        actor: { personId: null, label: "crash test" },
        action: "term.imported",
        objectType: "test",
        objectId: payload.label,
        changes: {},
        at: now,
      });
      process.kill(process.pid, "SIGKILL");
      return undefined;
    },
  });
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  await createScheduler({ database, log, handlers: [dying] }).runDueJobs();
}
