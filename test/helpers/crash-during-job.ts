// A server process that dies (SIGKILL) in the middle of a scheduled job: after the job's effect
// was written in its transaction, before that transaction committed.
// Usage: crash-during-job.ts DATABASE_URL [KIND [AT]]. Without KIND it runs the test kind below;
// with the kind of a real handler, that handler's effect is written before the process dies,
// on a clock stopped at AT (an ISO instant) when given.
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { JOB_HANDLERS } from "../../src/jobs/handlers/index.ts";
import { defineJobHandler, type JobHandler } from "../../src/jobs/handlers/job-handler.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { recordAuditEvent } from "../../src/storage/repos/audit-repo.ts";
import { REPO_ROOT } from "./run-cli.ts";

/** The kind the crash test schedules; its effect is one audit event about the job's label. */
export const CRASH_JOB_KIND = "test.crash";

/** The base URL of the links in the emails the dying process writes. */
export const CRASH_BASE_URL = "http://cohort.test";

/**
 * Runs the due jobs in a process that is killed after a job's effect, before its commit: jobs
 * of the test kind, or of `kind` on a clock stopped at `at`. Resolves with the signal that ended it.
 */
export function runDyingJobProcess(url: string, options: { kind?: string; at?: Date } = {}): Promise<NodeJS.Signals | null> {
  const extra = options.kind ? [options.kind, ...(options.at ? [options.at.toISOString()] : [])] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "test/helpers/crash-during-job.ts"), url, ...extra], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code ? reject(new Error(`The process exited with ${code}:\n${stderr}`)) : resolve(signal)));
  });
}

const [url, kind, at] = process.argv.slice(2);
if (url) {
  const database = await openDatabase(url);
  const testKind = defineJobHandler({
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
      return undefined;
    },
  });
  const real = JOB_HANDLERS.find((handler) => handler.kind === kind);
  if (kind && !real) throw new Error(`No handler runs jobs of kind "${kind}".`);
  const inner: JobHandler = real ?? testKind;
  const dying: JobHandler = {
    ...inner,
    async run(context) {
      await inner.run(context);
      process.kill(process.pid, "SIGKILL");
      return undefined;
    },
  };
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const now = at ? () => new Date(at) : () => new Date();
  await createScheduler({ database, log, handlers: [dying], now, baseUrl: () => CRASH_BASE_URL }).runDueJobs();
}
