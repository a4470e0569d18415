/**
 * Scheduled job states, in the order a job moves through them: waiting for its due instant,
 * claimed by a worker, done (its effect committed), or failed for good and kept for admins.
 */
export const SCHEDULED_JOB_STATES = ["pending", "running", "done", "failed"] as const;

/** One scheduled job state. */
export type ScheduledJobState = (typeof SCHEDULED_JOB_STATES)[number];
