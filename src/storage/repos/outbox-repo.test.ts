import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { isAppError } from "../../errors/app-error.ts";
import { type DatabaseHandle, openDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import { inTransaction } from "../transaction.ts";
import {
  assignMessageId,
  claimDueMessages,
  enqueueNotification,
  findOutboxMessage,
  listOutbox,
  markFailedAttempt,
  markSent,
  type NotificationInput,
  OUTBOX_MAX_ATTEMPTS,
  outboxRetryDelayMs,
} from "./outbox-repo.ts";

const T0 = new Date("2026-11-25T12:00:00.000Z");
const MINUTE = 60_000;
const LEASE = 5 * MINUTE;

function later(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

function notification(key: string, overrides: Partial<NotificationInput> = {}): NotificationInput {
  return {
    dedupeKey: key,
    recipientEmail: "ada@example.org",
    subject: `Subject ${key}`,
    text: `Text of ${key}`,
    html: `<p>Text of ${key}</p>`,
    at: T0,
    ...overrides,
  };
}

describe.each(testDialects())("outbox repo on %s", (dialect) => {
  let database: DatabaseHandle;
  // A second connection (pool) to the same database: another server process.
  let other: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    database = await openDatabase(target.url, { poolSize: 4 });
    await migrateToLatest(database.db);
    other = await openDatabase(target.url, { poolSize: 4 });
    dispose = async () => {
      await other.close();
      await database.close();
      await target.dispose();
    };
  });
  afterAll(() => dispose());

  beforeEach(async () => {
    // Each test starts from an empty outbox; messages due at T0 would leak between tests otherwise.
    const left = await claimDueMessages(database.db, { now: new Date("3000-01-01T00:00:00.000Z"), limit: 10_000, leaseMs: LEASE });
    for (const claim of left) await markFailedAttempt(database.db, claim, { now: T0, error: "cleared between tests", maxAttempts: 0 });
  });

  it("writes a message with the transaction that commits, once per dedupe key", async () => {
    const first = await inTransaction(database, (db) => enqueueNotification(db, notification("commit-once")));
    const again = await inTransaction(database, (db) => enqueueNotification(db, notification("commit-once", { subject: "changed" })));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const row = await findOutboxMessage(database.db, first.id);
    expect(row).toMatchObject({
      state: "pending",
      attempts: 0,
      subject: "Subject commit-once",
      nextAttemptAt: T0.toISOString(),
      lockedUntil: null,
      messageId: null,
    });
  });

  it("keeps nothing of a transaction that rolls back", async () => {
    const failure = await inTransaction(database, async (db) => {
      await enqueueNotification(db, notification("rolled-back"));
      throw new Error("the change failed");
    }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe("the change failed");
    const { items } = await listOutbox(database.db, { limit: 10_000, offset: 0 });
    expect(items.some((item) => item.dedupeKey === "rolled-back")).toBe(false);
  });

  it("refuses an email without a plain-text part or a recipient address", async () => {
    const noText = await enqueueNotification(database.db, notification("no-text", { text: "  " })).catch((error: unknown) => error);
    expect(isAppError(noText, "INVALID_INPUT")).toBe(true);
    const noAddress = await enqueueNotification(database.db, notification("no-address", { recipientEmail: "ada" })).catch((error: unknown) => error);
    expect(isAppError(noAddress, "INVALID_INPUT")).toBe(true);
  });

  it("claims due messages once, and again only after the lease runs out", async () => {
    const due = await enqueueNotification(database.db, notification("claim-due"));
    const future = await enqueueNotification(database.db, notification("claim-future", { notBefore: later(MINUTE) }));

    const claimed = await claimDueMessages(database.db, { now: T0, limit: 10, leaseMs: LEASE });
    expect(claimed.map((row) => row.id)).toEqual([due.id]);
    expect(claimed[0]).toMatchObject({ state: "sending", attempts: 1, lockedUntil: later(LEASE).toISOString() });
    expect(await claimDueMessages(other.db, { now: T0, limit: 10, leaseMs: LEASE })).toEqual([]);

    // The lease runs out (the worker died): another worker takes the message over, as a new attempt.
    const takenOver = await claimDueMessages(other.db, { now: later(LEASE), limit: 10, leaseMs: LEASE });
    expect(takenOver.map((row) => [row.id, row.attempts])).toEqual([
      [due.id, 2],
      [future.id, 1],
    ]);
    // The first worker's claim no longer holds: it cannot mark the message.
    const stale = claimed[0];
    if (!stale) throw new Error("no claim");
    expect(await markSent(database.db, stale, { now: later(LEASE) })).toBe(false);
    expect(await markFailedAttempt(database.db, stale, { now: later(LEASE), error: "late" })).toBeNull();
    const current = takenOver[0];
    if (!current) throw new Error("no claim");
    expect(await markSent(other.db, current, { now: later(LEASE) })).toBe(true);
    expect(await findOutboxMessage(database.db, due.id)).toMatchObject({ state: "sent", sentAt: later(LEASE).toISOString(), lockedUntil: null });
  });

  it("never gives the same message to two workers claiming at once", async () => {
    const keys = Array.from({ length: 40 }, (_, index) => `race-${index}`);
    await inTransaction(database, async (db) => {
      for (const key of keys) await enqueueNotification(db, notification(key));
    });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimDueMessages(index % 2 === 0 ? database.db : other.db, { now: T0, limit: 7, leaseMs: LEASE })),
    );
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rest = await claimDueMessages(database.db, { now: T0, limit: 100, leaseMs: LEASE });
    expect(ids.length + rest.length).toBe(keys.length);
    expect([...claims.flat(), ...rest].every((row) => row.attempts === 1)).toBe(true);
  });

  it("backs off exponentially with jitter, then fails for good after the last attempt", async () => {
    const { id } = await enqueueNotification(database.db, notification("backoff"));
    let now = T0;
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt += 1) {
      const [claim] = await claimDueMessages(database.db, { now, limit: 10, leaseMs: LEASE });
      expect(claim).toMatchObject({ id, attempts: attempt });
      if (!claim) throw new Error("nothing claimed");
      const state = await markFailedAttempt(database.db, claim, { now, error: `451 try again (${attempt})`, random: () => 1 });
      const row = await findOutboxMessage(database.db, id);
      if (attempt < OUTBOX_MAX_ATTEMPTS) {
        expect(state).toBe("pending");
        const delay = Date.parse(row?.nextAttemptAt ?? "") - now.getTime();
        expect(delay).toBe(Math.min(MINUTE * 2 ** attempt, 6 * 60 * MINUTE));
        // Not due a moment before its time.
        expect(await claimDueMessages(database.db, { now: new Date(now.getTime() + delay - 1), limit: 10, leaseMs: LEASE })).toEqual([]);
        now = new Date(now.getTime() + delay);
      } else {
        expect(state).toBe("failed");
        expect(row).toMatchObject({ state: "failed", attempts: OUTBOX_MAX_ATTEMPTS, lastError: `451 try again (${OUTBOX_MAX_ATTEMPTS})` });
      }
    }
    expect(await claimDueMessages(database.db, { now: later(365 * 24 * 60 * MINUTE), limit: 10, leaseMs: LEASE })).toEqual([]);
  });

  it("spreads retries between half and all of the backoff, capped at six hours", () => {
    expect(outboxRetryDelayMs(1, () => 0)).toBe(MINUTE);
    expect(outboxRetryDelayMs(1, () => 0.999_999)).toBe(2 * MINUTE);
    expect(outboxRetryDelayMs(3, () => 0.5)).toBe(6 * MINUTE);
    expect(outboxRetryDelayMs(20, () => 1)).toBe(6 * 60 * MINUTE);
    expect(outboxRetryDelayMs(20, () => 0)).toBe(3 * 60 * MINUTE);
  });

  it("fixes the Message-ID once, before the first send", async () => {
    const { id } = await enqueueNotification(database.db, notification("message-id"));
    const [claim] = await claimDueMessages(database.db, { now: T0, limit: 10, leaseMs: LEASE });
    if (!claim) throw new Error("nothing claimed");
    expect(await assignMessageId(database.db, claim, "<first@localhost>")).toBe("<first@localhost>");
    expect(await assignMessageId(database.db, claim, "<second@localhost>")).toBe("<first@localhost>");
    expect((await findOutboxMessage(database.db, id))?.messageId).toBe("<first@localhost>");
  });

  it("lists messages newest first, by state, a page at a time", async () => {
    const before = await listOutbox(database.db, { state: "pending", limit: 100, offset: 0 });
    expect(before.total).toBe(0);
    const a = await enqueueNotification(database.db, notification("list-a", { notBefore: later(MINUTE) }));
    const b = await enqueueNotification(database.db, notification("list-b", { notBefore: later(MINUTE) }));
    const c = await enqueueNotification(database.db, notification("list-c", { notBefore: later(MINUTE) }));
    const page = await listOutbox(database.db, { state: "pending", limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.id)).toEqual([c.id, b.id]);
    const next = await listOutbox(database.db, { state: "pending", limit: 2, offset: 2 });
    expect(next.items.map((item) => [item.id, item.state, item.bodyText])).toEqual([[a.id, "pending", "Text of list-a"]]);
    const all = await listOutbox(database.db, { limit: 1, offset: 0 });
    expect(all.total).toBeGreaterThan(3);
    expect((await listOutbox(database.db, { state: "failed", limit: 100, offset: 0 })).items.every((item) => item.state === "failed")).toBe(true);
  });
});
