import type { DatabaseHandle } from "../storage/database.ts";
import {
  claimDueJobs,
  completeJob,
  ensureJob,
  holdJob,
  type JobClaim,
  markJobFailedAttempt,
  SCHEDULED_JOB_MAX_ATTEMPTS,
} from "../storage/repos/scheduled-job-repo.ts";
import type { ScheduledJobRow } from "../storage/schema.ts";
import { inTransaction } from "../storage/transaction.ts";
import { JOB_HANDLERS } from "./handlers/index.ts";
import type { JobHandler } from "./handlers/job-handler.ts";
import { errorText, type WorkerLog } from "./worker-loop.ts";

/** Options of the scheduler. */
export interface SchedulerOptions {
  database: DatabaseHandle;
  log: WorkerLog;
  /** The kinds it runs (every kind of `handlers/index.ts`); tests add their own. */
  handlers?: readonly JobHandler[];
  /** The clock; tests drive it to make jobs and retries due without sleeping. */
  now?: () => Date;
  /** Jobs claimed per batch (10). */
  batchSize?: number;
  /** How long a claim holds (5 min): after it, another worker may take a job whose worker died over. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Jitter source for the backoff; tests pass a fixed one. */
  random?: () => number;
  /** Where links in the emails of jobs point (the server's public address); a job that needs it fails without it. */
  baseUrl?: () => string;
}

/** What one pass did: jobs whose effect committed, that wait for a retry, that ended failed. */
export interface SchedulerResult {
  done: number;
  retried: number;
  failed: number;
}

/** The scheduler of a process; the worker loop (worker-loop.ts) runs its due jobs at every tick. */
export interface Scheduler {
  /** Runs every due job now, batch by batch; waits for a pass already running first. */
  runDueJobs(): Promise<SchedulerResult>;
  /** Waits for the job in flight; no new job starts after it resolves. */
  stop(): Promise<void>;
}

const DEFAULTS = { batchSize: 10, leaseMs: 5 * 60_000 };

/** Thrown inside a job's transaction to roll its effect back when the claim no longer holds. */
class ClaimLost extends Error {}

/**
 * Creates the scheduler: it claims due jobs (so no other worker or process runs them), and
 * runs each in one transaction that re-checks the claim, performs the handler's effect and
 * marks the job done. A crash before that commit leaves nothing visible, and the job runs again
 * once its lease runs out. A handler that throws has its effect rolled back; the job is retried
 * with the outbox's backoff and ends `failed`, with its error, after the last attempt. A job of
 * an unknown kind or with a payload its kind refuses ends `failed` at once.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { database, log } = options;
  const handlers = new Map((options.handlers ?? JOB_HANDLERS).map((handler) => [handler.kind, handler]));
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? SCHEDULED_JOB_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const baseUrl =
    options.baseUrl ??
    (() => {
      throw new Error("This scheduler was started without the server's address, which the links of this job's email need.");
    });

  let stopped = false;
  let recurringEnsured = false;
  // Passes run one after the other on this chain, so two never overlap.
  let chain: Promise<unknown> = Promise.resolve();

  async function ensureRecurring(): Promise<void> {
    const at = now();
    for (const handler of handlers.values()) {
      if (!handler.recurring) continue;
      const { key, firstDueAt } = handler.recurring;
      await ensureJob(database.db, { kind: handler.kind, key, dueAt: firstDueAt(at), payload: {}, at });
    }
    recurringEnsured = true;
  }

  async function pass(): Promise<SchedulerResult> {
    const result: SchedulerResult = { done: 0, retried: 0, failed: 0 };
    if (stopped) return result;
    if (!recurringEnsured) await ensureRecurring();
    while (!stopped) {
      const batch = await claimDueJobs(database.db, { now: now(), limit: batchSize, leaseMs });
      // The whole batch runs even when stopping: its jobs are claimed, and would otherwise wait out their lease.
      for (const job of batch) {
        const outcome = await run(job);
        if (outcome !== "lost") result[outcome] += 1;
      }
      if (batch.length < batchSize) break;
    }
    if (result.done + result.retried + result.failed > 0) log.info({ ...result }, "Scheduled jobs run");
    return result;
  }

  async function run(job: ScheduledJobRow): Promise<keyof SchedulerResult | "lost"> {
    const claim: JobClaim = { id: job.id, attempts: job.attempts };
    const fields = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts };
    if (job.attempts > maxAttempts) {
      // A worker claimed the last attempt and died (or hung) before it committed anything.
      return failNow(claim, fields, "The last attempt was interrupted (the worker stopped or hung) before it committed; nothing of it took effect.");
    }
    const handler = handlers.get(job.kind);
    if (!handler) return failNow(claim, fields, `No handler runs jobs of kind "${job.kind}"; this server version does not know it.`);
    const payload = parsePayload(handler, job.payload);
    if (!payload.ok) return failNow(claim, fields, `The payload of this ${job.kind} job is invalid: ${payload.error}`);

    try {
      const outcome = await inTransaction(database, async (db) => {
        const at = now();
        if (!(await holdJob(db, claim, { now: at }))) throw new ClaimLost();
        const result = await handler.run({ db, job, payload: payload.value, now: at, baseUrl });
        if (!(await completeJob(db, claim, { now: at, nextDueAt: result?.nextDueAt }))) throw new ClaimLost();
        return result;
      });
      log.info({ ...fields, ...outcome?.summary, ...(outcome?.nextDueAt ? { nextDueAt: outcome.nextDueAt.toISOString() } : {}) }, "Scheduled job done");
      return "done";
    } catch (error) {
      if (error instanceof ClaimLost) {
        log.warn(fields, "Scheduled job skipped: its claim ran out or it was cancelled, and nothing of it took effect");
        return "lost";
      }
      const reason = errorText(error);
      const state = await markJobFailedAttempt(database.db, claim, { now: now(), error: reason, maxAttempts, random });
      if (state === "failed") log.error({ ...fields, error: reason }, "Scheduled job failed after its last attempt; it is kept for admins");
      else log.warn({ ...fields, error: reason }, "Scheduled job failed; it will be retried");
      return state === "failed" ? "failed" : state === "pending" ? "retried" : "lost";
    }
  }

  async function failNow(claim: JobClaim, fields: object, error: string): Promise<"failed" | "lost"> {
    const state = await markJobFailedAttempt(database.db, claim, { now: now(), error, maxAttempts: 0, random });
    if (state) log.error({ ...fields, error }, "Scheduled job failed; it is kept for admins");
    return state ? "failed" : "lost";
  }

  function runDueJobs(): Promise<SchedulerResult> {
    const next = chain.then(pass);
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    runDueJobs,
    async stop() {
      stopped = true;
      await chain;
    },
  };
}

/** The job's payload checked by its kind's schema, or why it is refused. */
function parsePayload(handler: JobHandler, text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "it is not JSON." };
  }
  const parsed = handler.payload.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ") };
}
