import type { DatabaseHandle } from "../storage/database.ts";
import { assignMessageId, claimDueMessages, markFailedAttempt, markSent, OUTBOX_MAX_ATTEMPTS, type OutboxClaim } from "../storage/repos/outbox-repo.ts";
import type { OutboxRow } from "../storage/schema.ts";
import type { Mailer } from "./mailer.ts";
import { errorText, type WorkerLog } from "./worker-loop.ts";

/** Where the worker writes: the server's logger. */
export type OutboxWorkerLog = WorkerLog;

/** Options of the outbox worker. */
export interface OutboxWorkerOptions {
  database: DatabaseHandle;
  /** The SMTP mailer, or null when none is configured: then the worker sends nothing. */
  mailer: Mailer | null;
  log: OutboxWorkerLog;
  /** The clock; tests drive it to make retries due without sleeping. */
  now?: () => Date;
  /** Messages claimed, and sent side by side, per batch (10). */
  batchSize?: number;
  /** How long a claim holds (10 min): after it, another worker may take the message over. */
  leaseMs?: number;
  /** A send that takes longer is abandoned and retried (2 min); must be well below the lease. */
  sendTimeoutMs?: number;
  maxAttempts?: number;
  /** Jitter source for the backoff; tests pass a fixed one. */
  random?: () => number;
}

/** What one drain did: messages the SMTP server accepted, that ended failed, that wait for a retry. */
export interface DrainResult {
  sent: number;
  failed: number;
  kept: number;
}

/** The outbox worker of a process; the worker loop (worker-loop.ts) drains it at every tick. */
export interface OutboxWorker {
  /** Delivers every due message now, batch by batch; waits for a drain already running first. */
  drainOnce(): Promise<DrainResult>;
  /** Waits for the drain in flight; no new send starts after it resolves. */
  stop(): Promise<void>;
}

const DEFAULTS = { batchSize: 10, leaseMs: 10 * 60_000, sendTimeoutMs: 2 * 60_000 };

/**
 * Creates the worker that delivers the outbox over SMTP. Each message is claimed (so no other
 * worker or process sends it), sent with its stable Message-ID, and marked sent right after the
 * server accepted it; a failure goes back to pending with backoff, and ends `failed` after the
 * last attempt.
 *
 * The one window where a message can go out twice: the SMTP server accepted it, and the process
 * died (or the database was unreachable) before `markSent` committed, or the send outlived its
 * lease. The message is then sent again when its lease runs out, with the same Message-ID, so
 * receiving systems see a repeat of the same message rather than a new one. No protocol closes
 * this window: SMTP has no way to ask whether a message was already accepted.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { database, mailer, log } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const sendTimeoutMs = options.sendTimeoutMs ?? DEFAULTS.sendTimeoutMs;
  const maxAttempts = options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  if (sendTimeoutMs >= leaseMs) {
    throw new RangeError("The outbox worker's send timeout must be shorter than its lease, or a slow send could be taken over and sent twice.");
  }

  let stopped = false;
  // Drains run one after the other on this chain, so two never overlap.
  let chain: Promise<unknown> = Promise.resolve();

  if (mailer) log.info({ smtp: mailer.label }, "Email notifications are delivered over SMTP");
  else log.info({}, "COHORT_SMTP_URL is not set: email notifications stay in the outbox, pending, for admins to read");

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, kept: 0 };
    if (!mailer) return result;
    while (!stopped) {
      const batch = await claimDueMessages(database.db, { now: now(), limit: batchSize, leaseMs });
      const outcomes = await Promise.allSettled(batch.map((message) => deliver(mailer, message)));
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.status === "fulfilled") {
          result[outcome.value] += 1;
        } else {
          // The row stays `sending` until its lease runs out; then it is claimed again.
          log.error({ outboxId: batch[index]?.id, error: errorText(outcome.reason) }, "Email delivery stopped on a database error");
        }
      }
      if (batch.length < batchSize) break;
    }
    if (result.sent + result.failed + result.kept > 0) log.info({ ...result }, "Outbox drained");
    return result;
  }

  async function deliver(mailer: Mailer, message: OutboxRow): Promise<keyof DrainResult> {
    const claim: OutboxClaim = { id: message.id, attempts: message.attempts };
    const fields = { outboxId: message.id, attempt: message.attempts };
    if (message.attempts > maxAttempts) {
      // A worker claimed the last attempt and never reported back: it may or may not have sent.
      await markFailedAttempt(database.db, claim, {
        now: now(),
        error: "The last attempt was interrupted (the worker stopped or hung); whether the email went out is unknown.",
        maxAttempts,
        random,
      });
      log.warn(fields, "Email failed: the last attempt was interrupted");
      return "failed";
    }
    if (!message.recipientEmail) {
      await markFailedAttempt(database.db, claim, { now: now(), error: "The message has no recipient address.", maxAttempts: 0, random });
      log.warn(fields, "Email failed: no recipient address");
      return "failed";
    }
    const messageId = message.messageId ?? (await assignMessageId(database.db, claim, mailer.messageIdFor(message.dedupeKey)));
    try {
      await mailer.send(
        { to: message.recipientEmail, subject: message.subject, text: message.bodyText, html: message.bodyHtml, messageId },
        AbortSignal.timeout(sendTimeoutMs),
      );
    } catch (error) {
      const reason = mailer.describeError(error);
      const state = await markFailedAttempt(database.db, claim, { now: now(), error: reason, maxAttempts, random });
      if (state === "failed") log.warn({ ...fields, error: reason }, "Email failed after its last attempt");
      else log.warn({ ...fields, error: reason }, "Email attempt failed; it will be retried");
      return state === "failed" ? "failed" : "kept";
    }
    // From here to the commit of markSent is the window in which a crash repeats the message.
    const held = await retried(() => markSent(database.db, claim, { now: now() }));
    if (!held) log.warn(fields, "Email sent, but its claim had run out and another worker took it over");
    else log.debug(fields, "Email sent");
    return "sent";
  }

  function drainOnce(): Promise<DrainResult> {
    const run = chain.then(drain);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    drainOnce,
    async stop() {
      stopped = true;
      await chain;
    },
  };
}

/** Runs `work` up to three times: a lost database connection right after a send must not repeat the email. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
