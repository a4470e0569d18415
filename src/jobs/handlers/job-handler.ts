import type { z } from "zod";
import type { Db } from "../../storage/repos/db.ts";
import type { ScheduledJobRow } from "../../storage/schema.ts";

/** What a handler receives: the job's transaction, the job, its checked payload and the clock. */
export interface JobContext<Payload> {
  /** The transaction the job is marked done in: every effect goes through it, or is not visible. */
  db: Db;
  job: ScheduledJobRow;
  payload: Payload;
  now: Date;
  /** Where links in the emails a job enqueues point (the server's public address, read when the job runs). */
  baseUrl(): string;
}

/** What a run may ask for after its effect: to run again later (a recurring job), and counts to log. */
export interface JobOutcome {
  /** The job goes back to pending at this instant instead of ending done. */
  nextDueAt?: Date;
  /** Numbers worth a log line (rows purged, emails enqueued); never personal data. */
  summary?: Record<string, number>;
}

/**
 * One kind of scheduled job: its name, the schema of its payload, and what running it does
 * through a command. `run` must do every write through `context.db` and nothing outside the
 * database (emails go through the outbox), so that a crash before the commit repeats nothing.
 */
export interface JobHandler<Schema extends z.ZodType = z.ZodType> {
  kind: string;
  payload: Schema;
  /** A job of this kind that always exists, ensured when the scheduler starts (housekeeping). */
  recurring?: { key: string; firstDueAt(now: Date): Date };
  run(context: JobContext<z.output<Schema>>): Promise<JobOutcome | undefined>;
}

/** Declares a handler with its payload type inferred from its schema. */
export function defineJobHandler<Schema extends z.ZodType>(handler: JobHandler<Schema>): JobHandler<Schema> {
  return handler;
}
