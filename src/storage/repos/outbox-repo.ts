import type { ExpressionBuilder } from "kysely";
import type { OutboxState } from "../../domain/outbox-states.ts";
import { retryDelayMs } from "../../domain/retry-backoff.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Database, OutboxRow } from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";

/** How many times a message is tried before it ends `failed` (retries over two to four hours). */
export const OUTBOX_MAX_ATTEMPTS = 8;

const LAST_ERROR_MAX_LENGTH = 1000;

/** An email notification to write to the outbox, in the same transaction as the change that causes it. */
export interface NotificationInput {
  /**
   * Names this notification once and for all (e.g. `application-submitted:42`): enqueuing the
   * same key again is a no-op. It is logged and hashed into the Message-ID, so never put a
   * secret in it.
   */
  dedupeKey: string;
  recipientEmail: string;
  recipientPersonId?: number | null;
  /** The program the message is about, so its admins can read it; leave out for account emails. */
  programId?: number | null;
  subject: string;
  /** The plain-text part; every email has one. */
  text: string;
  html?: string | null;
  /** When the change happened. */
  at: Date;
  /** Deliver no earlier than this (default: `at`). */
  notBefore?: Date;
}

/** What one enqueue did: the message's id, and whether this call created it. */
export interface EnqueueResult {
  id: number;
  created: boolean;
}

/**
 * Writes one email to the outbox inside the caller's transaction, so it commits with the change
 * or not at all. A second enqueue with the same dedupe key (a retried request) changes nothing.
 */
export async function enqueueNotification(db: Db, input: NotificationInput): Promise<EnqueueResult> {
  if (input.dedupeKey.trim() === "") throw new AppError("INVALID_INPUT", "A notification needs a dedupe key.");
  if (input.text.trim() === "") throw new AppError("INVALID_INPUT", "An email needs a plain-text part.");
  if (!/^[^\s@]+@[^\s@]+$/.test(input.recipientEmail)) {
    throw new AppError("INVALID_INPUT", "An email needs a recipient address such as ada@example.org.");
  }
  const at = input.at.toISOString();
  const inserted = await db
    .insertInto("outbox")
    .values({
      dedupeKey: input.dedupeKey,
      channel: "email",
      recipientPersonId: input.recipientPersonId ?? null,
      programId: input.programId ?? null,
      recipientEmail: input.recipientEmail,
      subject: input.subject,
      bodyText: input.text,
      bodyHtml: input.html ?? null,
      nextAttemptAt: (input.notBefore ?? input.at).toISOString(),
      lastError: null,
      createdAt: at,
      sentAt: null,
    })
    .onConflict((conflict) => conflict.column("dedupeKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db.selectFrom("outbox").select("id").where("dedupeKey", "=", input.dedupeKey).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Options for one claim of due messages. */
export interface ClaimOptions {
  now: Date;
  /** At most this many messages. */
  limit: number;
  /** How long the claim holds: longer than the slowest send, or another worker may send it again. */
  leaseMs: number;
}

/**
 * Moves up to `limit` due email messages to `sending` and returns them: `pending` ones whose
 * time has come, and `sending` ones whose worker's lease ran out (it crashed or hung). Each claim
 * counts as an attempt, and `(id, attempts)` then identifies the claim, so a worker whose lease
 * was taken over can no longer change the row. Two workers never receive the same message.
 */
export async function claimDueMessages(db: Db, { now, limit, leaseMs }: ClaimOptions): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
  const claim = (eb: ExpressionBuilder<Database, "outbox">) => ({ state: "sending" as const, lockedUntil, attempts: eb("attempts", "+", 1) });
  const due = db
    .selectFrom("outbox")
    .select("id")
    .where("channel", "=", "email")
    .where((eb) =>
      eb.or([eb.and([eb("state", "=", "pending"), eb("nextAttemptAt", "<=", at)]), eb.and([eb("state", "=", "sending"), eb("lockedUntil", "<=", at)])]),
    )
    .orderBy("nextAttemptAt")
    .orderBy("id")
    .limit(limit);
  const rows = isPostgres(db)
    ? // PostgreSQL: several server processes claim at once. The CTE locks the rows it picks and
      // skips rows another transaction holds; a row claimed and committed meanwhile is re-read
      // and no longer matches, so no two claims overlap.
      await db
        .with("due", () => due.forUpdate().skipLocked())
        .updateTable("outbox")
        .set(claim)
        .where("id", "in", (eb) => eb.selectFrom("due").select("due.id"))
        .returningAll()
        .execute()
    : // SQLite: one writer at a time, and an update takes the write lock before its subquery
      // reads, so this single statement is the whole claim.
      await db.updateTable("outbox").set(claim).where("id", "in", due).returningAll().execute();
  return rows.sort((a, b) => a.id - b.id);
}

/** A claim on one message: its id and its attempt count when it was claimed. */
export type OutboxClaim = Pick<OutboxRow, "id" | "attempts">;

/**
 * Fixes the message's Message-ID before its first send and returns the one to use: the stored
 * one if an earlier attempt already fixed it, so every attempt carries the same header.
 */
export async function assignMessageId(db: Db, claim: OutboxClaim, messageId: string): Promise<string> {
  const row = await db
    .updateTable("outbox")
    .set((eb) => ({ messageId: eb.fn.coalesce("messageId", eb.val(messageId)) }))
    .where("id", "=", claim.id)
    .returning("messageId")
    .executeTakeFirstOrThrow();
  return row.messageId ?? messageId;
}

/**
 * Records that the SMTP server accepted the message. False when this claim no longer holds
 * (its lease ran out and another worker took the message over): the row is left to that worker.
 */
export async function markSent(db: Db, claim: OutboxClaim, { now }: { now: Date }): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ state: "sent", sentAt: now.toISOString(), lockedUntil: null, lastError: null })
    .where("id", "=", claim.id)
    .where("state", "=", "sending")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Options for recording a failed attempt. */
export interface FailedAttemptOptions {
  now: Date;
  /** Why the attempt failed, already free of secrets; shown to admins. */
  error: string;
  maxAttempts?: number;
  /** A number in [0, 1) for the jitter; tests pass a fixed one. */
  random?: () => number;
}

/**
 * Records a failed attempt: the message goes back to `pending` with a later attempt time
 * (exponential backoff with jitter), or ends `failed` once it has had `maxAttempts` attempts.
 * Returns the new state, or null when this claim no longer holds.
 */
export async function markFailedAttempt(
  db: Db,
  claim: OutboxClaim,
  { now, error, maxAttempts = OUTBOX_MAX_ATTEMPTS, random = Math.random }: FailedAttemptOptions,
): Promise<Extract<OutboxState, "pending" | "failed"> | null> {
  const state = claim.attempts >= maxAttempts ? "failed" : "pending";
  const nextAttemptAt = state === "failed" ? now : new Date(now.getTime() + outboxRetryDelayMs(claim.attempts, random));
  const result = await db
    .updateTable("outbox")
    .set({ state, nextAttemptAt: nextAttemptAt.toISOString(), lockedUntil: null, lastError: error.slice(0, LAST_ERROR_MAX_LENGTH) })
    .where("id", "=", claim.id)
    .where("state", "=", "sending")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? state : null;
}

/** The wait before a message's next attempt after `attempts` failed ones (see `retryDelayMs`). */
export function outboxRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  return retryDelayMs(attempts, random);
}

/** Filter and page of the outbox list. */
export interface ListOutboxOptions {
  state?: OutboxState;
  /** Only the messages about this program. */
  programId?: number;
  limit: number;
  offset: number;
}

/** One page of outbox messages and how many match in all. */
export interface OutboxPage {
  items: OutboxRow[];
  total: number;
}

/**
 * The outbox, newest first, optionally of one state: what admins read when no SMTP server is
 * configured or a message failed. Rows include the bodies, which may hold links with tokens:
 * a presenter decides who sees them.
 */
export async function listOutbox(db: Db, { state, limit, offset, programId }: ListOutboxOptions): Promise<OutboxPage> {
  let items = db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(limit).offset(offset);
  let count = db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("total"));
  if (programId !== undefined) {
    items = items.where("programId", "=", programId);
    count = count.where("programId", "=", programId);
  }
  if (state) {
    items = items.where("state", "=", state);
    count = count.where("state", "=", state);
  }
  // One after the other: inside a transaction both share one connection.
  const rows = await items.execute();
  const counted = await count.executeTakeFirstOrThrow();
  return { items: rows, total: Number(counted.total) };
}

/** The message with this id, or undefined. */
export function findOutboxMessage(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
