import type { ExpressionBuilder } from "kysely";
import { retryDelayMs } from "../../domain/retry-backoff.ts";
import type { ScheduledJobState } from "../../domain/scheduled-jobs.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Database, ScheduledJobRow } from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";
import type { FailedAttemptOptions } from "./outbox-repo.ts";

/** How many times a job is tried before it ends `failed` (retries over two to four hours). */
export const SCHEDULED_JOB_MAX_ATTEMPTS = 8;

const LAST_ERROR_MAX_LENGTH = 1000;

/** A job's payload: a JSON object, checked by its kind's schema when it runs. */
export type JobPayload = Readonly<Record<string, unknown>>;

/** A job to schedule, in the same transaction as the change that calls for it. */
export interface JobInput {
  kind: string;
  /**
   * Names the job once and for all (e.g. `offer.lapse:42`): scheduling the same key again keeps
   * one job. It is logged, so never put a secret in it.
   */
  key: string;
  dueAt: Date;
  payload: JobPayload;
  /** When the change happened. */
  at: Date;
}

/** What one schedule did: the job's id, whether this call created it, and its state now. */
export interface ScheduleResult {
  id: number;
  created: boolean;
  state: ScheduledJobState;
}

/**
 * Schedules a job inside the caller's transaction. Scheduling a key again moves a pending job
 * to the new due instant and payload (a changed deadline moves its reminder); a job that is
 * running, done or failed is left as it is, so a done job is never done twice.
 */
export async function scheduleJob(db: Db, input: JobInput): Promise<ScheduleResult> {
  if (input.key.trim() === "") throw new AppError("INVALID_INPUT", "A scheduled job needs a key.");
  const at = input.at.toISOString();
  const values = { dueAt: input.dueAt.toISOString(), payload: JSON.stringify(input.payload), updatedAt: at };
  const inserted = await db
    .insertInto("scheduledJobs")
    .values({ kind: input.kind, key: input.key, ...values, createdAt: at })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .returning(["id", "state"])
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true, state: inserted.state };
  const existing = await db.selectFrom("scheduledJobs").select(["id", "kind", "state"]).where("key", "=", input.key).executeTakeFirstOrThrow();
  if (existing.kind !== input.kind) {
    throw new AppError("CONFLICT", `The job key "${input.key}" already names a job of kind ${existing.kind}, not ${input.kind}.`);
  }
  if (existing.state !== "pending") return { id: existing.id, created: false, state: existing.state };
  const moved = await db
    .updateTable("scheduledJobs")
    .set(values)
    .where("id", "=", existing.id)
    .where("state", "=", "pending")
    .returning("state")
    .executeTakeFirst();
  return { id: existing.id, created: false, state: moved?.state ?? existing.state };
}

/**
 * Schedules a job only if its key names none yet: a recurring job is ensured at start-up this
 * way, so a restart neither adds a second one nor moves the one already planned.
 */
export async function ensureJob(db: Db, input: JobInput): Promise<void> {
  const at = input.at.toISOString();
  await db
    .insertInto("scheduledJobs")
    .values({ kind: input.kind, key: input.key, dueAt: input.dueAt.toISOString(), payload: JSON.stringify(input.payload), createdAt: at, updatedAt: at })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
}

/**
 * Cancels the job with this key before it is done; true when there was one to cancel. A job
 * claimed but not yet run is then skipped, with nothing of it done; a run already under way
 * holds the row (or the SQLite write lock), so the cancel waits for it and finds it done.
 * Done and failed jobs stay.
 */
export async function cancelJob(db: Db, key: string): Promise<boolean> {
  const result = await db.deleteFrom("scheduledJobs").where("key", "=", key).where("state", "in", ["pending", "running"]).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Options for one claim of due jobs. */
export interface ClaimJobsOptions {
  now: Date;
  /** At most this many jobs. */
  limit: number;
  /** How long the claim holds: after it, another worker may take the job over. */
  leaseMs: number;
}

/**
 * Moves up to `limit` due jobs to `running` and returns them, earliest due first: `pending`
 * ones whose instant has come, and `running` ones whose worker's lease ran out (it crashed).
 * Each claim counts as an attempt, and `(id, attempts)` then identifies the claim, so a worker
 * whose lease was taken over can no longer change the row. Two workers never receive the same job.
 */
export async function claimDueJobs(db: Db, { now, limit, leaseMs }: ClaimJobsOptions): Promise<ScheduledJobRow[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const claim = (eb: ExpressionBuilder<Database, "scheduledJobs">) => ({
    state: "running" as const,
    leaseUntil,
    attempts: eb("attempts", "+", 1),
    updatedAt: at,
  });
  const due = db
    .selectFrom("scheduledJobs")
    .select("id")
    .where((eb) => eb.or([eb.and([eb("state", "=", "pending"), eb("dueAt", "<=", at)]), eb.and([eb("state", "=", "running"), eb("leaseUntil", "<=", at)])]))
    .orderBy("dueAt")
    .orderBy("id")
    .limit(limit);
  // Every process asks every few seconds, and mostly nothing is due: a plain read answers that
  // without taking the SQLite write lock or locking rows.
  if (!(await due.executeTakeFirst())) return [];
  const rows = isPostgres(db)
    ? // PostgreSQL: several server processes claim at once. The CTE locks the rows it picks and
      // skips rows another transaction holds (a job being run holds its row); a row claimed and
      // committed meanwhile is re-read and no longer matches, so no two claims overlap.
      await db
        .with("due", () => due.forUpdate().skipLocked())
        .updateTable("scheduledJobs")
        .set(claim)
        .where("id", "in", (eb) => eb.selectFrom("due").select("due.id"))
        .returningAll()
        .execute()
    : // SQLite: one writer at a time, and an update takes the write lock before its subquery
      // reads, so this single statement is the whole claim.
      await db.updateTable("scheduledJobs").set(claim).where("id", "in", due).returningAll().execute();
  return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id - b.id);
}

/** A claim on one job: its id and its attempt count when it was claimed. */
export type JobClaim = Pick<ScheduledJobRow, "id" | "attempts">;

/**
 * Called first inside the transaction that runs a job: true while the claim still holds. On
 * PostgreSQL the update locks the row until that transaction ends, so no other worker can take
 * the job over meanwhile, even once the lease has run out; on SQLite the transaction holds the
 * write lock of the file from its start.
 */
export async function holdJob(db: Db, claim: JobClaim, { now }: { now: Date }): Promise<boolean> {
  const result = await db
    .updateTable("scheduledJobs")
    .set({ updatedAt: now.toISOString() })
    .where("id", "=", claim.id)
    .where("state", "=", "running")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records, in the transaction of its effect, that a job ran: it is `done`, or `pending` again at
 * `nextDueAt` with its attempts reset (a recurring job). False when this claim no longer holds.
 */
export async function completeJob(db: Db, claim: JobClaim, { now, nextDueAt }: { now: Date; nextDueAt?: Date | undefined }): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("scheduledJobs")
    .set(
      nextDueAt
        ? { state: "pending", dueAt: nextDueAt.toISOString(), attempts: 0, leaseUntil: null, lastError: null, doneAt: at, updatedAt: at }
        : { state: "done", leaseUntil: null, lastError: null, doneAt: at, updatedAt: at },
    )
    .where("id", "=", claim.id)
    .where("state", "=", "running")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a failed run (its effect already rolled back): the job goes back to `pending` with a
 * later due instant (the outbox's backoff), or ends `failed`, kept with its error for admins,
 * once it has had `maxAttempts` attempts. Returns the new state, or null when this claim no
 * longer holds.
 */
export async function markJobFailedAttempt(
  db: Db,
  claim: JobClaim,
  { now, error, maxAttempts = SCHEDULED_JOB_MAX_ATTEMPTS, random = Math.random }: FailedAttemptOptions,
): Promise<Extract<ScheduledJobState, "pending" | "failed"> | null> {
  const state = claim.attempts >= maxAttempts ? "failed" : "pending";
  const at = now.toISOString();
  const result = await db
    .updateTable("scheduledJobs")
    .set({
      state,
      // A failed job keeps the instant it was last due at.
      ...(state === "pending" ? { dueAt: new Date(now.getTime() + retryDelayMs(claim.attempts, random)).toISOString() } : {}),
      leaseUntil: null,
      lastError: error.slice(0, LAST_ERROR_MAX_LENGTH),
      updatedAt: at,
    })
    .where("id", "=", claim.id)
    .where("state", "=", "running")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? state : null;
}

/** The job with this key, or undefined. */
export function findJobByKey(db: Db, key: string): Promise<ScheduledJobRow | undefined> {
  return db.selectFrom("scheduledJobs").selectAll().where("key", "=", key).executeTakeFirst();
}

/** Jobs that ended failed, most recently changed first, with their last error: what admins read. */
export function listFailedJobs(db: Db, { limit, offset }: { limit: number; offset: number }): Promise<ScheduledJobRow[]> {
  return db
    .selectFrom("scheduledJobs")
    .selectAll()
    .where("state", "=", "failed")
    .orderBy("updatedAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
