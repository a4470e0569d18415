import http from "node:http";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { insertApplicationRow } from "../../test/helpers/draft-applications.ts";
import { type ServeProcess, startServeProcess } from "../../test/helpers/run-cli.ts";
import { startTestSmtpServer } from "../../test/helpers/smtp-server.ts";
import { SURGE_TERM, type SurgeApplicant, seedSurge, submitHeaders } from "../../test/helpers/surge-fixture.ts";
import { DRAFT_REMINDER_KIND, draftReminderKey } from "../commands/applications/draft-reminders.ts";
import { loadConfig } from "../config/config.ts";
import type { ScheduledJobState } from "../domain/scheduled-jobs.ts";
import { createMailer } from "../jobs/mailer.ts";
import { createOutboxWorker } from "../jobs/outbox-worker.ts";
import { createScheduler } from "../jobs/scheduler.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { scheduleJob } from "../storage/repos/scheduled-job-repo.ts";
import { buildApp } from "./app.ts";

const PROJECTS = 30;
const SUBMITTERS = 40;
/** Applicants with an unsubmitted draft, each reminded once by a scheduled job. */
const DRAFTERS = 12;
/** Sign-ups of the mixed traffic, one every fourth submission, each from its own address. */
const SIGN_UPS = SUBMITTERS / 4;
/** Later than both leases (a job's 5 minutes, an email's 10): a claim of the killed process has run out. */
const AFTER_THE_LEASES_MS = 11 * 60_000;
const HOUR_MS = 60 * 60_000;
const CATALOG = `/api/terms/${SURGE_TERM.term}/projects`;

/** One HTTP answer, read whole. */
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * Sends one request on a connection of its own from the loopback address `from`, so that each
 * simulated person has their own address (rate limits count per address). Rejects when the
 * connection dies before the whole answer arrived: the server was killed.
 */
function send(base: string, method: "GET" | "POST", path: string, options: { from?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        agent: false,
        localAddress: options.from ?? "127.0.0.1",
        headers: { ...(payload === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text === "" ? null : JSON.parse(text) });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** Polls `check` until it holds; fails naming `what` if it does not within `timeoutMs`. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The keys of the scheduled jobs a server's log says it ran ("Scheduled job done", logged after the commit). */
function jobsRunIn(output: string): string[] {
  return output.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    let entry: { msg?: unknown; key?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      // The last line of a killed process may be cut off.
      return [];
    }
    return entry.msg === "Scheduled job done" && typeof entry.key === "string" ? [entry.key] : [];
  });
}

function countOf<T>(values: readonly T[], value: T): number {
  return values.filter((one) => one === value).length;
}

type Task = { kind: "submit"; applicant: SurgeApplicant } | { kind: "signup"; email: string; from: string };

describe.skipIf(!testDialects().includes("postgres"))("two `cohort serve` processes on one PostgreSQL database, one killed with SIGKILL under traffic", () => {
  it("keep every answered sign-up and submission once, deliver each email and run each scheduled job once, and share the sign-up limit", async () => {
    const target = await createTestDatabase("postgres");
    const database = await openDatabase(target.url, { poolSize: 2 });
    const smtp = await startTestSmtpServer();
    const servers: ServeProcess[] = [];
    try {
      await migrateToLatest(database.db);
      const startedAt = new Date();
      // Applications close in 20 hours: the day-ahead reminder of a draft is due, and submissions are open.
      const fixture = await seedSurge(database, {
        applicants: SUBMITTERS + DRAFTERS,
        projects: PROJECTS,
        now: startedAt,
        closesAt: new Date(startedAt.getTime() + 20 * HOUR_MS),
      });
      const submitters = fixture.applicants.slice(0, SUBMITTERS);
      const drafters = fixture.applicants.slice(SUBMITTERS);
      const projectIds = new Map(
        (await database.db.selectFrom("projects").select(["id", "slug"]).where("termId", "=", fixture.termId).execute()).map((row) => [row.slug, row.id]),
      );
      for (const drafter of drafters) {
        const projectId = projectIds.get(drafter.projectSlug) ?? 0;
        await insertApplicationRow(database.db, { termId: fixture.termId, projectId, personId: drafter.personId, state: "draft", at: startedAt });
      }

      // Both processes deliver the outbox and run scheduled jobs; their logs say which jobs each ran.
      const env = { COHORT_SMTP_URL: smtp.url, COHORT_LOG_LEVEL: "info" };
      const started = await Promise.all([0, 1].map(() => startServeProcess(["--port", "0", "--db", target.url, "--no-demo"], { env })));
      servers.push(...started);
      const [doomed, survivor] = started as [ServeProcess, ServeProcess];

      // Each drafter's day-ahead reminder, through the scheduler's queue: half due now, half
      // scheduled as the traffic starts and coming due one after another while it runs.
      const reminderKeys = drafters.map((drafter) => draftReminderKey(fixture.termId, drafter.personId, "24h"));
      const scheduleReminders = async (from: number, to: number, stepMs: number) => {
        const at = new Date();
        for (let index = from; index < to; index += 1) {
          const personId = (drafters[index] as SurgeApplicant).personId;
          await scheduleJob(database.db, {
            kind: DRAFT_REMINDER_KIND,
            key: reminderKeys[index] as string,
            dueAt: new Date(at.getTime() + (index - from) * stepMs),
            payload: { termId: fixture.termId, personId, offset: "24h" },
            at,
          });
        }
      };
      const remindersIn = async (state: ScheduledJobState) =>
        (await database.db.selectFrom("scheduledJobs").select("key").where("key", "in", reminderKeys).where("state", "=", state).execute()).length;
      await scheduleReminders(0, DRAFTERS / 2, 0);

      // The sign-up limit holds for both processes together: its number of sign-ups from one
      // address, split between them, are answered, and the next one at either is refused.
      const batch = Date.now().toString(36);
      const limitedSignUp = (server: ServeProcess, n: number) =>
        send(server.url, "POST", "/api/auth/signup", {
          from: "127.0.0.99",
          body: { name: "Busy Person", email: `limited-${batch}-${n}@example.org`, password: "a long enough password" },
        });
      const acknowledgedSignUps = new Set<string>();
      const first = await limitedSignUp(doomed, 0);
      expect(first.status).toBe(202);
      const limit = Number(first.headers["x-ratelimit-limit"]);
      expect(limit).toBeGreaterThan(1);
      acknowledgedSignUps.add(`limited-${batch}-0@example.org`);
      for (let n = 1; n < limit; n += 1) {
        expect((await limitedSignUp(n % 2 === 0 ? doomed : survivor, n)).status).toBe(202);
        acknowledgedSignUps.add(`limited-${batch}-${n}@example.org`);
      }
      expect((await limitedSignUp(doomed, limit)).status).toBe(429);
      expect((await limitedSignUp(survivor, limit + 1)).status).toBe(429);

      // Mixed traffic, alternating between the processes alive: submissions, every fourth with a
      // sign-up from its own address, and catalog reads all along.
      await until("a reminder has run", async () => (await remindersIn("done")) >= 1);
      await scheduleReminders(DRAFTERS / 2, DRAFTERS, 250);
      const tasks: Task[] = [];
      for (const [index, applicant] of submitters.entries()) {
        tasks.push({ kind: "submit", applicant });
        if (index % 4 === 3) {
          const n = (index - 3) / 4;
          tasks.push({ kind: "signup", email: `signup-${batch}-${n}@example.org`, from: `127.0.1.${n + 1}` });
        }
      }
      let alive: ServeProcess[] = [doomed, survivor];
      let turn = 0;
      let kill: Promise<number | null> | undefined;
      let finished = 0;
      let trafficDone = false;
      const acknowledgedApplications = new Map<number, number>();
      /** Sign-ups whose first try died with the killed process: retried, they may find their own account. */
      const signUpsRetried = new Set<string>();

      /** Sends a request to the next process alive; one cut off by the kill is retried at the survivor, as a client would. */
      const atAnyProcess = async (request: (base: string) => Promise<Answer>, onCutOff?: () => void): Promise<Answer> => {
        for (;;) {
          const server = alive[turn++ % alive.length] as ServeProcess;
          try {
            return await request(server.url);
          } catch (error) {
            // Only the killed process may drop a request, and only once it has been killed.
            if (server !== doomed || !kill) throw error;
            onCutOff?.();
          }
        }
      };

      const perform = async (task: Task) => {
        if (task.kind === "submit") {
          const { applicant } = task;
          const answer = await atAnyProcess((base) =>
            send(base, "POST", `/api/projects/${applicant.projectSlug}/application/submit`, {
              headers: submitHeaders(applicant, `two-processes-${applicant.personId}`),
              body: applicant.body,
            }),
          );
          expect(answer.status).toBe(201);
          acknowledgedApplications.set(applicant.personId, (answer.body as { id: number }).id);
        } else {
          const answer = await atAnyProcess(
            (base) =>
              send(base, "POST", "/api/auth/signup", { from: task.from, body: { name: "New Person", email: task.email, password: "a long enough password" } }),
            () => signUpsRetried.add(task.email),
          );
          expect(answer.status).toBe(202);
          acknowledgedSignUps.add(task.email);
        }
      };

      let next = 0;
      const client = async () => {
        while (next < tasks.length) {
          // The last third of the traffic waits for the kill, so the survivor carries on alone.
          if (next >= (tasks.length * 2) / 3 && !kill) {
            await until("the kill", () => kill !== undefined);
            continue;
          }
          const task = tasks[next] as Task;
          next += 1;
          await perform(task);
          finished += 1;
          // Killed as soon as a third of the traffic is answered, while the other clients' requests are under way.
          if (finished === Math.ceil(tasks.length / 3)) {
            alive = [survivor];
            kill = doomed.stop("SIGKILL");
          }
        }
      };

      const catalogReads: number[] = [];
      const reader = async () => {
        for (let n = 0; !trafficDone; n += 1) {
          const query = n % 2 === 0 ? "?limit=100" : "?q=feature";
          const answer = await atAnyProcess((base) => send(base, "GET", `${CATALOG}${query}`));
          catalogReads.push(answer.status);
          if (n % 2 === 0) expect((answer.body as { total: number }).total).toBe(PROJECTS);
        }
      };

      const clients = Promise.all(Array.from({ length: 8 }, client));
      const readers = Promise.all(Array.from({ length: 2 }, reader));
      await Promise.race([clients, until("a third of the traffic is answered", () => kill !== undefined)]);
      expect(await kill).toBeNull();
      // The survivor still counts the sign-ups the killed process answered.
      expect((await limitedSignUp(survivor, limit + 2)).status).toBe(429);

      await clients;
      trafficDone = true;
      await readers;
      expect(catalogReads.length).toBeGreaterThan(0);
      expect(catalogReads.every((status) => status === 200)).toBe(true);

      // The survivor's cached catalog shows every submission, the killed process's included: it
      // answers what a server with an empty cache answers (its term revision is remembered a second at most).
      const fresh = await buildApp({
        context: { config: { ...loadConfig({}), databaseUrl: target.url }, database, now: () => new Date(), baseUrl: () => survivor.url },
        webRoot: "/nonexistent/cohort-web-dist",
        rateLimits: false,
      });
      try {
        const truth = (await fresh.inject({ method: "GET", url: `${CATALOG}?limit=100` })).json() as unknown;
        let seen: unknown;
        await until(
          "the survivor's catalog shows every submission",
          async () => {
            seen = (await send(survivor.url, "GET", `${CATALOG}?limit=100`)).body;
            return JSON.stringify(seen) === JSON.stringify(truth);
          },
          10_000,
        ).catch(() => expect(seen).toEqual(truth));
      } finally {
        await fresh.close();
      }

      // The survivor delivers what it can: nothing waits to be sent or run. Stopped gracefully, it
      // finishes its sends and jobs in flight; whatever is still claimed then, the killed process held.
      await until("the survivor has sent every email and run every due reminder it could", async () => {
        const pending = await database.db.selectFrom("outbox").select("id").where("state", "=", "pending").execute();
        return pending.length === 0 && (await remindersIn("pending")) === 0;
      });
      expect(await survivor.stop("SIGTERM")).toBe(0);
      const heldMessages = new Set((await database.db.selectFrom("outbox").select("id").where("state", "=", "sending").execute()).map((row) => row.id));
      const heldJobs = (
        await database.db.selectFrom("scheduledJobs").select("key").where("key", "in", reminderKeys).where("state", "=", "running").execute()
      ).map((row) => row.key);

      // Once those leases have run out, a process takes over what the killed one held, as any
      // running server would: the same scheduler and outbox worker, on a clock past the leases.
      const takeover = smtp.received.length;
      const later = () => new Date(Date.now() + AFTER_THE_LEASES_MS);
      const laterRuns: string[] = [];
      const log = {
        debug() {},
        info(fields: object, message: string) {
          const { key } = fields as { key?: unknown };
          if (message === "Scheduled job done" && typeof key === "string") laterRuns.push(key);
        },
        warn() {},
        error() {},
      };
      const mailer = createMailer({ ...loadConfig({}), smtpUrl: smtp.url });
      const scheduler = createScheduler({ database, log, now: later, baseUrl: () => survivor.url });
      const outbox = createOutboxWorker({ database, mailer, log, now: later });
      await scheduler.runDueJobs();
      await outbox.drainOnce();
      await scheduler.stop();
      await outbox.stop();
      mailer?.close();

      // Every answered submission is stored once, under the id it was answered with.
      const applications = await database.db
        .selectFrom("applications")
        .select(["id", "personId", "state"])
        .where("termId", "=", fixture.termId)
        .where("state", "!=", "draft")
        .execute();
      expect(acknowledgedApplications.size).toBe(SUBMITTERS);
      expect(applications).toHaveLength(SUBMITTERS);
      for (const row of applications) expect(acknowledgedApplications.get(row.personId)).toBe(row.id);
      expect(applications.every((row) => row.state === "submitted")).toBe(true);

      // Every answered sign-up made one person.
      expect(acknowledgedSignUps.size).toBe(SIGN_UPS + limit);
      const people = await database.db
        .selectFrom("people")
        .select(["email"])
        .where("email", "in", [...acknowledgedSignUps])
        .execute();
      expect(people.map((row) => row.email).sort()).toEqual([...acknowledgedSignUps].sort());

      // Each reminder job ran once: done, claimed once (twice if the killed process held it), and
      // logged as run by one process only. The new process ran exactly those the killed one held.
      const jobs = await database.db.selectFrom("scheduledJobs").select(["key", "state", "attempts"]).where("key", "in", reminderKeys).execute();
      expect(jobs).toHaveLength(DRAFTERS);
      for (const job of jobs) expect(job).toEqual({ key: job.key, state: "done", attempts: heldJobs.includes(job.key) ? 2 : 1 });
      const runs = [...jobsRunIn(doomed.output()), ...jobsRunIn(survivor.output()), ...laterRuns];
      for (const key of reminderKeys) expect(countOf(runs, key)).toBeLessThanOrEqual(1);
      expect(laterRuns.filter((key) => reminderKeys.includes(key)).sort()).toEqual([...heldJobs].sort());

      // Every email was sent, claimed once (twice if the killed process held it), and arrived once.
      // The one repeat the outbox allows: the killed process's SMTP server accepted a message
      // before its sent mark committed. That message is sent again after the lease under the same
      // Message-ID (fixed before the first send), so mail systems see one message.
      const messages = await database.db
        .selectFrom("outbox")
        .select(["id", "dedupeKey", "recipientEmail", "recipientPersonId", "messageId", "state", "attempts"])
        .execute();
      const arrivals = new Map<string, number[]>();
      for (const [index, email] of smtp.received.entries()) arrivals.set(email.messageId, [...(arrivals.get(email.messageId) ?? []), index]);
      expect(new Set(messages.map((message) => message.messageId)).size).toBe(messages.length);
      expect([...arrivals.keys()].filter((id) => !messages.some((message) => message.messageId === id))).toEqual([]);
      for (const message of messages) {
        const copies = arrivals.get(message.messageId ?? "") ?? [];
        const held = heldMessages.has(message.id);
        expect({ key: message.dedupeKey, state: message.state, attempts: message.attempts }).toEqual({
          key: message.dedupeKey,
          state: "sent",
          attempts: held ? 2 : 1,
        });
        if (held) {
          expect(copies.filter((index) => index >= takeover)).toHaveLength(1);
          expect(copies.filter((index) => index < takeover).length).toBeLessThanOrEqual(1);
        } else {
          expect(copies).toHaveLength(1);
        }
      }
      // Which emails: one confirmation per sign-up, one per submission, one reminder per draft.
      const keysOf = (prefix: string) => messages.filter((message) => message.dedupeKey.startsWith(prefix));
      expect(
        keysOf("verify-email:")
          .map((message) => message.recipientEmail)
          .sort(),
      ).toEqual([...acknowledgedSignUps].sort());
      expect(
        keysOf("application-submitted:")
          .map((message) => message.recipientPersonId)
          .sort((a, b) => (a ?? 0) - (b ?? 0)),
      ).toEqual(submitters.map((applicant) => applicant.personId).sort((a, b) => a - b));
      expect(
        keysOf(`${DRAFT_REMINDER_KIND}:`)
          .map((message) => message.dedupeKey)
          .sort(),
      ).toEqual([...reminderKeys].sort());
      // A sign-up retried after its first try was cut off may have been stored by the killed
      // process: its owner is then told the address has an account, once.
      for (const message of keysOf("already-registered:")) expect(signUpsRetried.has(message.recipientEmail ?? "")).toBe(true);
      expect(messages).toHaveLength(SIGN_UPS + limit + SUBMITTERS + DRAFTERS + keysOf("already-registered:").length);
    } finally {
      await Promise.all(servers.map((server) => server.stop("SIGKILL")));
      await smtp.close();
      await database.close();
      await target.dispose();
    }
  }, 120_000);
});
