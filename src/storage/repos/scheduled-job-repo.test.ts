import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { isAppError } from "../../errors/app-error.ts";
import { type DatabaseHandle, openDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import { inTransaction } from "../transaction.ts";
import {
  cancelJob,
  claimDueJobs,
  completeJob,
  ensureJob,
  findJobByKey,
  holdJob,
  type JobInput,
  markJobFailedAttempt,
  scheduleJob,
} from "./scheduled-job-repo.ts";

const MINUTE = 60_000;
const LEASE = 5 * MINUTE;

describe.each(testDialects())("scheduled job repo on %s", (dialect) => {
  let database: DatabaseHandle;
  // A second connection (pool) to the same database: another server process.
  let other: DatabaseHandle;
  let dispose: () => Promise<void>;
  // Each test works in its own hour, so jobs of one test are never due in another's.
  let hour = 0;
  let t0: Date;

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

  function nextHour(): Date {
    hour += 1;
    t0 = new Date(Date.UTC(2026, 11, 1, hour));
    return t0;
  }

  function later(ms: number): Date {
    return new Date(t0.getTime() + ms);
  }

  function job(key: string, overrides: Partial<JobInput> = {}): JobInput {
    return { kind: "test.record", key, dueAt: t0, payload: { label: key }, at: t0, ...overrides };
  }

  async function claimAll(db: DatabaseHandle, now: Date) {
    // Only this test's jobs: earlier tests' are due too, at earlier instants, and come first.
    const claimed = await claimDueJobs(db.db, { now, limit: 1000, leaseMs: LEASE });
    return claimed.filter((row) => Date.parse(row.createdAt) >= t0.getTime());
  }

  it("claims a due job once; after its lease another worker takes it over, and the first can no longer finish it", async () => {
    nextHour();
    const { id } = await scheduleJob(database.db, job("lease"));
    const [claim] = await claimAll(database, t0);
    expect(claim).toMatchObject({ id, state: "running", attempts: 1, leaseUntil: later(LEASE).toISOString() });
    expect(await claimAll(other, later(LEASE - 1))).toEqual([]);

    const [takenOver] = await claimAll(other, later(LEASE));
    expect(takenOver).toMatchObject({ id, attempts: 2 });
    if (!claim || !takenOver) throw new Error("no claim");
    expect(await holdJob(database.db, claim, { now: later(LEASE) })).toBe(false);
    expect(await completeJob(database.db, claim, { now: later(LEASE) })).toBe(false);
    expect(await markJobFailedAttempt(database.db, claim, { now: later(LEASE), error: "late" })).toBeNull();
    expect(
      await inTransaction(other, async (db) => (await holdJob(db, takenOver, { now: later(LEASE) })) && completeJob(db, takenOver, { now: later(LEASE) })),
    ).toBe(true);
    expect(await findJobByKey(database.db, "lease")).toMatchObject({ state: "done", attempts: 2, doneAt: later(LEASE).toISOString(), leaseUntil: null });
  });

  it("never gives the same job to two workers claiming at once", async () => {
    nextHour();
    const keys = Array.from({ length: 40 }, (_, index) => `race-${index}`);
    await inTransaction(database, async (db) => {
      for (const key of keys) await scheduleJob(db, job(key));
    });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimDueJobs(index % 2 === 0 ? database.db : other.db, { now: t0, limit: 7, leaseMs: LEASE })),
    );
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rest = await claimDueJobs(database.db, { now: t0, limit: 100, leaseMs: LEASE });
    expect(ids.length + rest.length).toBe(keys.length);
    expect([...claims.flat(), ...rest].every((row) => row.attempts === 1)).toBe(true);
  });

  it("skips a claimed job cancelled before it ran", async () => {
    nextHour();
    await scheduleJob(database.db, job("cancel-claimed"));
    const [claim] = await claimAll(database, t0);
    if (!claim) throw new Error("no claim");
    expect(await cancelJob(database.db, "cancel-claimed")).toBe(true);
    expect(await inTransaction(database, (db) => holdJob(db, claim, { now: t0 }))).toBe(false);
    expect(await cancelJob(database.db, "cancel-claimed")).toBe(false);
  });

  it("ensures a recurring job without moving it, and refuses a key used by another kind", async () => {
    nextHour();
    await ensureJob(database.db, job("recurring", { dueAt: later(MINUTE) }));
    await ensureJob(database.db, job("recurring", { dueAt: later(2 * MINUTE) }));
    expect(await findJobByKey(database.db, "recurring")).toMatchObject({ dueAt: later(MINUTE).toISOString(), state: "pending" });

    const clash = await scheduleJob(database.db, job("recurring", { kind: "test.other" })).catch((error: unknown) => error);
    expect(isAppError(clash, "CONFLICT")).toBe(true);
    const empty = await scheduleJob(database.db, job(" ")).catch((error: unknown) => error);
    expect(isAppError(empty, "INVALID_INPUT")).toBe(true);
  });
});
