import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, openMigratedTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { refuseAlways, refuseFirst, startTestSmtpServer, type TestSmtpServer } from "../../test/helpers/smtp-server.ts";
import { loadConfig } from "../config/config.ts";
import { buildEmailMessage } from "../notifications/email-layout.ts";
import { startServer } from "../server/start.ts";
import { type DatabaseHandle, openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { assignMessageId, claimDueMessages, enqueueNotification, findOutboxMessage, listOutbox, OUTBOX_MAX_ATTEMPTS } from "../storage/repos/outbox-repo.ts";
import { inTransaction } from "../storage/transaction.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerLog } from "./outbox-worker.ts";

const T0 = new Date("2026-11-25T12:00:00.000Z");
const HOUR = 60 * 60_000;
const FROM = "Cohort <no-reply@cohort.test>";
const PASSWORD = "s3cret-P@ss/word";
const LINK_TOKEN = "tok_9f8e7d6c5b4a";

/** Log lines as JSON text, the way the server's logger would write them. */
function captureLog(): { log: OutboxWorkerLog; text(): string } {
  const lines: string[] = [];
  const write = (level: string) => (fields: object, message: string) => lines.push(JSON.stringify({ level, ...fields, msg: message }));
  return { log: { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") }, text: () => lines.join("\n") };
}

function content(key: string) {
  return buildEmailMessage({
    baseUrl: "https://cohort.example.org",
    subject: `Your application ${key} was received`,
    greeting: "Hello Ada,",
    paragraphs: ["Your application to Harbor: Improve replication was received."],
    action: { label: "Review your application", path: `/applications/${key}?token=${LINK_TOKEN}` },
  });
}

describe.each(testDialects())("outbox worker on %s", (dialect) => {
  let database: DatabaseHandle;
  let disposeDatabase: () => Promise<void>;
  let smtp: TestSmtpServer | undefined;
  const workers: OutboxWorker[] = [];
  const mailers: Mailer[] = [];
  let clock: Date;

  beforeEach(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    disposeDatabase = opened.dispose;
    clock = T0;
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const mailer of mailers.splice(0)) mailer.close();
    await smtp?.close();
    smtp = undefined;
    await disposeDatabase();
  });

  function mailerFor(server: TestSmtpServer, url = server.url): Mailer {
    const mailer = createMailer({ smtpUrl: url, mailFrom: FROM });
    if (!mailer) throw new Error("no mailer");
    mailers.push(mailer);
    return mailer;
  }

  function worker(mailer: Mailer | null, options: { log?: OutboxWorkerLog; on?: DatabaseHandle; batchSize?: number } = {}): OutboxWorker {
    const started = createOutboxWorker({
      database: options.on ?? database,
      mailer,
      now: () => clock,
      random: () => 1,
      log: options.log ?? captureLog().log,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    workers.push(started);
    return started;
  }

  async function enqueue(key: string, db = database) {
    return inTransaction(db, (tx) => enqueueNotification(tx, { dedupeKey: key, recipientEmail: "ada@example.org", at: clock, ...content(key) }));
  }

  it("delivers a message of a committed transaction once, with a plain-text part and the link", async () => {
    smtp = await startTestSmtpServer();
    const outbox = worker(mailerFor(smtp));
    const { id } = await enqueue("42");

    expect(await outbox.drainOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });

    expect(smtp.received).toHaveLength(1);
    const email = smtp.received[0];
    expect(email?.to).toEqual(["ada@example.org"]);
    expect(email?.from).toBe("no-reply@cohort.test");
    expect(email?.subject).toBe("Your application 42 was received");
    expect(email?.headers.get("auto-submitted")).toBe("auto-generated");
    expect(email?.text).toContain("Hello Ada,");
    expect(email?.text).toContain(`https://cohort.example.org/applications/42?token=${LINK_TOKEN}`);
    expect(email?.html).toContain(`href="https://cohort.example.org/applications/42?token=${LINK_TOKEN}"`);
    expect(email?.messageId).toMatch(/^<cohort\.[0-9a-f]{40}@cohort\.test>$/);
    expect(await findOutboxMessage(database.db, id)).toMatchObject({ state: "sent", attempts: 1, sentAt: T0.toISOString(), messageId: email?.messageId });
  });

  it("never sends a message whose transaction rolled back", async () => {
    smtp = await startTestSmtpServer();
    const outbox = worker(mailerFor(smtp));
    await inTransaction(database, async (tx) => {
      await enqueueNotification(tx, { dedupeKey: "rolled-back", recipientEmail: "ada@example.org", at: clock, ...content("rolled-back") });
      throw new Error("the change failed");
    }).catch(() => undefined);

    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    expect(smtp.attempts()).toBe(0);
    expect((await listOutbox(database.db, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it("retries a temporary SMTP failure with backoff, then delivers it exactly once", async () => {
    smtp = await startTestSmtpServer({ refuse: refuseFirst(2) });
    const outbox = worker(mailerFor(smtp));
    const { id } = await enqueue("retry");

    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 1 });
    const first = await findOutboxMessage(database.db, id);
    expect(first).toMatchObject({ state: "pending", attempts: 1, lockedUntil: null });
    expect(first?.lastError).toContain("451");
    // With the jitter at its top, the first retry waits 1 min × 2^1.
    expect(Date.parse(first?.nextAttemptAt ?? "")).toBe(T0.getTime() + 2 * 60_000);

    // Not due yet: nothing is offered again.
    clock = new Date(T0.getTime() + 2 * 60_000 - 1);
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    expect(smtp.attempts()).toBe(1);

    clock = new Date(T0.getTime() + 2 * 60_000);
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 1 });
    const second = await findOutboxMessage(database.db, id);
    expect(Date.parse(second?.nextAttemptAt ?? "")).toBe(clock.getTime() + 4 * 60_000);

    clock = new Date(clock.getTime() + 4 * 60_000);
    expect(await outbox.drainOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    clock = new Date(clock.getTime() + 24 * HOUR);
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });

    expect(smtp.received).toHaveLength(1);
    // Every attempt carried the same Message-ID.
    expect(smtp.offered).toHaveLength(3);
    expect(new Set(smtp.offered).size).toBe(1);
    expect(await findOutboxMessage(database.db, id)).toMatchObject({ state: "sent", attempts: 3, lastError: null });
  });

  it("ends a message that keeps failing as failed after the last attempt", async () => {
    smtp = await startTestSmtpServer({ refuse: refuseAlways() });
    const outbox = worker(mailerFor(smtp));
    const { id } = await enqueue("bounce");

    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt += 1) {
      const result = await outbox.drainOnce();
      expect(result).toEqual(attempt < OUTBOX_MAX_ATTEMPTS ? { sent: 0, failed: 0, kept: 1 } : { sent: 0, failed: 1, kept: 0 });
      clock = new Date(clock.getTime() + 7 * HOUR);
    }
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    expect(smtp.attempts()).toBe(OUTBOX_MAX_ATTEMPTS);
    expect(smtp.received).toHaveLength(0);
    const row = await findOutboxMessage(database.db, id);
    expect(row).toMatchObject({ state: "failed", attempts: OUTBOX_MAX_ATTEMPTS });
    expect(row?.lastError).toContain("550");
    expect((await listOutbox(database.db, { state: "failed", limit: 10, offset: 0 })).items.map((item) => item.id)).toEqual([id]);
  });

  it("delivers each message exactly once when two workers drain at the same time", async () => {
    smtp = await startTestSmtpServer();
    const target = await createTestDatabase(dialect);
    // Two workers on two connections (two server processes on PostgreSQL), each with its own SMTP client.
    const first = await openDatabase(target.url, { poolSize: 4 });
    const second = await openDatabase(target.url, { poolSize: 4 });
    try {
      await migrateToLatest(first.db);
      const keys = Array.from({ length: 25 }, (_, index) => `pair-${index}`);
      for (const key of keys) await enqueue(key, first);
      const a = worker(mailerFor(smtp), { on: first, batchSize: 3 });
      const b = worker(mailerFor(smtp), { on: second, batchSize: 3 });

      const results = await Promise.all([a.drainOnce(), b.drainOnce(), a.drainOnce(), b.drainOnce()]);
      expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(keys.length);
      // Both workers really worked side by side.
      expect(results[0]?.sent).toBeGreaterThan(0);
      expect(results[1]?.sent).toBeGreaterThan(0);
      expect(smtp.received).toHaveLength(keys.length);
      expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(keys.length);
      expect(new Set(smtp.received.map((email) => email.subject))).toEqual(new Set(keys.map((key) => `Your application ${key} was received`)));
      expect((await listOutbox(first.db, { state: "sent", limit: 100, offset: 0 })).total).toBe(keys.length);
    } finally {
      for (const worker of workers.splice(0)) await worker.stop();
      await first.close();
      await second.close();
      await target.dispose();
    }
  });

  it("repeats a message whose worker died after the SMTP server accepted it, with the same Message-ID", async () => {
    smtp = await startTestSmtpServer();
    const mailer = mailerFor(smtp);
    const { id } = await enqueue("crash");
    // A worker claims the message, sends it, and dies before it can mark it sent.
    const [claim] = await claimDueMessages(database.db, { now: T0, limit: 1, leaseMs: 10 * 60_000 });
    if (!claim) throw new Error("nothing claimed");
    const messageId = await assignMessageId(database.db, claim, mailer.messageIdFor(claim.dedupeKey));
    await mailer.send({ to: "ada@example.org", subject: claim.subject, text: claim.bodyText, html: claim.bodyHtml, messageId }, AbortSignal.timeout(10_000));

    const outbox = worker(mailer);
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    clock = new Date(T0.getTime() + 10 * 60_000);
    expect(await outbox.drainOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    // The one unavoidable repeat: receivers recognise it by its Message-ID.
    expect(smtp.received.map((email) => email.messageId)).toEqual([messageId, messageId]);
    expect(await findOutboxMessage(database.db, id)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("does not send again after a last attempt whose worker died; the message ends failed", async () => {
    smtp = await startTestSmtpServer();
    const outbox = worker(mailerFor(smtp));
    const { id } = await enqueue("lost");
    const lease = 10 * 60_000;
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt += 1) {
      // Each claim's worker dies; the lease runs out and the next claim takes over.
      expect(await claimDueMessages(database.db, { now: clock, limit: 1, leaseMs: lease })).toHaveLength(1);
      clock = new Date(clock.getTime() + lease);
    }
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 1, kept: 0 });
    expect(smtp.attempts()).toBe(0);
    const row = await findOutboxMessage(database.db, id);
    expect(row?.state).toBe("failed");
    expect(row?.lastError).toContain("unknown");
  });

  it("finishes the send in flight when stopped, and starts no other", async () => {
    smtp = await startTestSmtpServer({ answerDelayMs: 300 });
    const outbox = worker(mailerFor(smtp));
    const { id } = await enqueue("in-flight");
    const drained = outbox.drainOnce();
    while (smtp.offered.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await outbox.stop();
    expect(await drained).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(await findOutboxMessage(database.db, id)).toMatchObject({ state: "sent" });
    await enqueue("after-stop");
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    expect(smtp.attempts()).toBe(1);
  });

  it("keeps messages pending and listed when no SMTP server is configured", async () => {
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: FROM });
    expect(mailer).toBeNull();
    const captured = captureLog();
    const outbox = worker(mailer, { log: captured.log });
    const { id } = await enqueue("kept");

    clock = new Date(T0.getTime() + 24 * HOUR);
    expect(await outbox.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 0 });
    const pending = await listOutbox(database.db, { state: "pending", limit: 10, offset: 0 });
    expect(pending.total).toBe(1);
    expect(pending.items[0]).toMatchObject({ id, state: "pending", attempts: 0, subject: "Your application kept was received" });
    expect(pending.items[0]?.bodyText).toContain("https://cohort.example.org/applications/kept");
    expect(captured.text()).toContain("COHORT_SMTP_URL is not set");
  });

  it("never writes the SMTP password or a link's token to the log", async () => {
    smtp = await startTestSmtpServer({ auth: { user: "cohort", pass: PASSWORD } });
    const captured = captureLog();
    const wrongPassword = smtp.url.replace(encodeURIComponent(PASSWORD), encodeURIComponent(`${PASSWORD}-old`));
    const refused = worker(mailerFor(smtp, wrongPassword), { log: captured.log });
    const { id } = await enqueue("secret");

    expect(await refused.drainOnce()).toEqual({ sent: 0, failed: 0, kept: 1 });
    expect(smtp.refusedLogins()).toBe(1);
    expect((await findOutboxMessage(database.db, id))?.lastError).toContain("535");

    const accepted = worker(mailerFor(smtp), { log: captured.log });
    clock = new Date(T0.getTime() + HOUR);
    expect(await accepted.drainOnce()).toEqual({ sent: 1, failed: 0, kept: 0 });
    expect(smtp.received).toHaveLength(1);

    const text = captured.text();
    expect(text).toContain("smtp://cohort:***@127.0.0.1");
    expect(text).toContain("535");
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString("base64"), `${PASSWORD}-old`, LINK_TOKEN]) {
      expect(text).not.toContain(secret);
    }
    for (const row of (await listOutbox(database.db, { limit: 10, offset: 0 })).items) {
      expect(row.lastError ?? "").not.toContain(PASSWORD);
    }
  });
});

describe.each(testDialects())("the server's outbox worker on %s", (dialect) => {
  it("delivers from the running server and logs no secret", async () => {
    const smtp = await startTestSmtpServer({ auth: { user: "cohort", pass: PASSWORD } });
    const target = await createTestDatabase(dialect);
    let logs = "";
    const logDestination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs += chunk.toString("utf8");
        callback();
      },
    });
    const config = {
      ...loadConfig({ COHORT_SMTP_URL: smtp.url, COHORT_MAIL_FROM: FROM }),
      databaseUrl: target.url,
      host: "127.0.0.1",
      port: 0,
      logLevel: "trace" as const,
    };
    const server = await startServer({ config, logDestination });
    try {
      await inTransaction(server.database, (tx) =>
        enqueueNotification(tx, { dedupeKey: "from-server", recipientEmail: "ada@example.org", at: new Date(), ...content("from-server") }),
      );
      // The worker polls every 2 s.
      const deadline = Date.now() + 10_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(smtp.received.map((email) => email.subject)).toEqual(["Your application from-server was received"]);
    } finally {
      await server.close();
      await smtp.close();
      await target.dispose();
    }
    expect(logs).toContain("smtp://cohort:***@127.0.0.1");
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(encodeURIComponent(PASSWORD));
    expect(logs).not.toContain(LINK_TOKEN);
  });
});
