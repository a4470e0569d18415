import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { loadConfig } from "../../config/config.ts";
import { startServer } from "../../server/start.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { consumeAccountToken, insertAccount, insertAccountToken } from "../../storage/repos/account-repo.ts";
import { findIdempotentAnswer, recordIdempotentAnswer } from "../../storage/repos/idempotency-repo.ts";
import { insertOidcLogin, takeOidcLogin } from "../../storage/repos/oidc-login-repo.ts";
import { findJobByKey } from "../../storage/repos/scheduled-job-repo.ts";
import { findLiveSession, insertSession } from "../../storage/repos/session-repo.ts";
import { createScheduler } from "../scheduler.ts";
import { sessionsPurgeExpired } from "./sessions-purge-expired.ts";

const T0 = new Date("2026-12-01T12:00:00.000Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

describe.each(testDialects())("the daily purge of expired sessions and tokens on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    dispose = opened.dispose;
  });
  afterAll(() => dispose());

  async function session(idHash: string, personId: number, expiresAt: Date) {
    const iso = expiresAt.toISOString();
    await insertSession(database.db, { idHash, personId, csrfToken: "csrf", userAgent: null, createdAt: iso, lastSeenAt: iso, expiresAt: iso });
  }

  async function oidcLogin(stateHash: string, expiresAt: Date) {
    const login = { provider: "https://id.example.org", nonce: "n", codeVerifier: "v", returnTo: "/", createdAt: T0.toISOString() };
    await insertOidcLogin(database.db, { stateHash, ...login, expiresAt: expiresAt.toISOString() });
  }

  it("runs soon after the first start, removes only what can no longer let anyone in, and comes back a day later", async () => {
    const person = await insertAccount(database.db, { name: "Ada", email: "ada@example.org", passwordHash: null, emailVerifiedAt: null, at: T0 });
    await session("expired-session", person.id, at(-1));
    await session("live-session", person.id, at(HOUR));
    const token = (tokenHash: string, expiresAt: Date) =>
      insertAccountToken(database.db, { personId: person.id, purpose: "reset_password", tokenHash, at: at(-DAY), expiresAt });
    await token("used-token", at(HOUR));
    expect(await consumeAccountToken(database.db, { tokenHash: "used-token", purpose: "reset_password", at: at(-HOUR) })).toBe(person.id);
    await token("expired-token", at(-1));
    await token("live-token", at(HOUR));
    await oidcLogin("expired-login", at(-1));
    await oidcLogin("live-login", at(HOUR));
    const answer = (key: string, answeredAt: Date) =>
      recordIdempotentAnswer(database.db, { personId: person.id, key, requestHash: "h", statusCode: 201, response: "{}", at: answeredAt });
    await answer("answered-eight-days-ago", at(-8 * DAY));
    await answer("answered-six-days-ago", at(-6 * DAY));

    let clock = T0;
    // This job alone: the other daily jobs have tests of their own.
    const scheduler = createScheduler({ database, log: quiet, now: () => clock, handlers: [sessionsPurgeExpired] });
    expect(await scheduler.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });

    expect(await findLiveSession(database.db, "live-session", T0)).toBeDefined();
    const sessions = await database.db.selectFrom("sessions").select("idHash").execute();
    expect(sessions.map((row) => row.idHash)).toEqual(["live-session"]);
    const tokens = await database.db.selectFrom("accountTokens").select("tokenHash").execute();
    expect(tokens.map((row) => row.tokenHash)).toEqual(["live-token"]);
    expect(await consumeAccountToken(database.db, { tokenHash: "live-token", purpose: "reset_password", at: T0 })).toBe(person.id);
    expect(await takeOidcLogin(database.db, "expired-login")).toBeUndefined();
    expect(await takeOidcLogin(database.db, "live-login")).toBeDefined();
    // A week of retries is kept.
    expect(await findIdempotentAnswer(database.db, person.id, "answered-eight-days-ago")).toBeUndefined();
    expect(await findIdempotentAnswer(database.db, person.id, "answered-six-days-ago")).toBeDefined();

    // One job for the kind, pending again for the next day.
    expect(await findJobByKey(database.db, "sessions.purge-expired")).toMatchObject({
      kind: "sessions.purge-expired",
      state: "pending",
      attempts: 0,
      dueAt: at(DAY).toISOString(),
      doneAt: T0.toISOString(),
    });
    clock = at(DAY - 1);
    expect(await scheduler.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    await scheduler.stop();

    // A restart neither adds a second job nor moves the planned one.
    const restarted = createScheduler({ database, log: quiet, now: () => clock, handlers: [sessionsPurgeExpired] });
    expect(await restarted.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock = at(DAY);
    expect(await restarted.runDueJobs()).toEqual({ done: 1, retried: 0, failed: 0 });
    await restarted.stop();
    expect(await findJobByKey(database.db, "sessions.purge-expired")).toMatchObject({ state: "pending", dueAt: at(2 * DAY).toISOString() });
    const jobs = await database.db.selectFrom("scheduledJobs").select("key").execute();
    expect(jobs).toHaveLength(1);
  });
});

describe.each(testDialects())("a running server on %s", (dialect) => {
  it("runs the purge from its worker loop", async () => {
    const target = await createTestDatabase(dialect);
    const config = { ...loadConfig({}), databaseUrl: target.url, host: "127.0.0.1", port: 0, logLevel: "warn" as const };
    const server = await startServer({ config, outboxWorker: false });
    try {
      // The loop ticks every 2 s; the first tick ensures the job, due at once, and runs it.
      const deadline = Date.now() + 15_000;
      let job = await findJobByKey(server.database.db, "sessions.purge-expired");
      while (!job?.doneAt && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await findJobByKey(server.database.db, "sessions.purge-expired");
      }
      expect(job).toMatchObject({ state: "pending", attempts: 0 });
      expect(Date.parse(job?.dueAt ?? "") - Date.parse(job?.doneAt ?? "")).toBe(DAY);
    } finally {
      await server.close();
      await target.dispose();
    }
  }, 30_000);
});
