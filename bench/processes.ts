/**
 * `npm run bench:processes`: does a second server process on one PostgreSQL cost more per
 * request than the first? Runs the same mixed load against one and against two `cohort serve`
 * processes, each set-up on a fresh database of its own on one PostgreSQL server, seeded straight
 * into the database (the demo program, and the surge term of 100 projects with signed-in
 * applicants: no password hashing), and measures requests per second and the CPU seconds spent
 * per request by the server processes and PostgreSQL together, read from /proc: each server's
 * utime + stime, and PostgreSQL's as the postmaster's own and reaped children's time plus that of
 * its live children (backends, including those that exit meanwhile, and background workers).
 *
 * The mix, per 20 requests: 14 public reads (7 catalog searches, 4 project pages, a term page,
 * the program list and a program's terms), 4 signed-in reads (3 "my applications", 1 "me") and
 * 2 application submissions with a session cookie, its CSRF token and an Idempotency-Key, each
 * by an applicant of their own. No sign-up: hashing passwords would dominate the CPU. Each
 * submission enqueues a confirmation email, which the servers' outbox workers deliver to an SMTP
 * sink in this process. Both set-ups get the same sequence of requests; with two processes they
 * alternate between the two addresses.
 *
 * Both set-ups run side by side and take turns, in slices of about five seconds of load (1, 2,
 * 2, 1, ...), so that whatever else the machine does weighs on both alike. The warm-up goes as
 * fast as each set-up answers (autocannon at --connections, split between the addresses), and
 * its second half gives the throughput. The measured slices are paced: each request is sent at its
 * planned instant, at one rate for both set-ups, 0.6 of the slower one's throughput (--load), so
 * that the CPU per request compares the servers' own work at one load rather than how a
 * saturated machine shares its two cores among two servers, the load generator and PostgreSQL.
 * A slice is measured from its first request until the outbox is empty again, so its CPU covers
 * the emails its requests caused. Then each set-up is started again alone and watched idle, to
 * show what the worker loops' polling
 * costs. Last, the baseline: a bare Fastify route reading a term with three queries
 * (processes-target.ts), one process against two in the same way, shows what a second Node.js
 * process costs per request on this machine whatever it runs; on a small machine, where the
 * load generator and PostgreSQL share the cores with the servers, that is far from nothing.
 *
 * Target (issue "Operations"): the CPU per request of two processes at most 1.10× that of one.
 * The last line reads `processes: CPU per request, 2 processes vs 1: <x>×`.
 *
 * Usage: npm run bench:processes [-- --requests N | --seconds N] [--connections N] [--load SHARE] [--cpu-prof]
 * (20,000 requests per set-up by default; --seconds N measures about N seconds of load per set-up)
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { seedDemoIfEmpty } from "../src/demo/seed-demo.ts";
import type { CatalogResponse } from "../src/schemas/catalog.ts";
import { type DatabaseHandle, openDatabase } from "../src/storage/database.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { startTemporaryPostgres } from "../test/helpers/postgres-server.ts";
import { SURGE_TERM, type SurgeApplicant, seedSurge, submitHeaders } from "../test/helpers/surge-fixture.ts";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const seconds = option("--seconds") === undefined ? undefined : Number(option("--seconds"));
const requestCount = seconds === undefined ? Number(option("--requests") ?? 20_000) : undefined;
const connections = Number(option("--connections") ?? 100);
const cpuProfile = args.includes("--cpu-prof");
/** The most measured requests per set-up with --seconds, for which applicants are seeded. */
const measuredCap = requestCount ?? Math.round((seconds ?? 0) * 1000);
/**
 * Warm-up requests of each set-up: the same for both, so that the measured load starts on the
 * same data (its submissions among them), and enough that each of two processes warms its JIT,
 * its caches and its pool.
 */
const warmupCount = 2 * Math.min(4000, Math.max(1000, Math.round((requestCount ?? 10_000) / 10)));
/** About how long one slice of measured load lasts. */
const SLICE_SECONDS = 5;
/**
 * The measured load, as a share of the slower set-up's throughput, sent at that fixed rate to
 * both. CPU per request is compared at one load below saturation: a saturated server answers many
 * requests per turn of its event loop and so spends less per request, and on a 2-core machine two
 * saturated processes, the load generator and PostgreSQL take turns on the cores; both would be
 * measured instead of the servers' own work.
 */
const LOAD_SHARE = Number(option("--load") ?? 0.6);
/** How long the idle processes are watched after the load. */
const IDLE_SECONDS = 10;
/** The share of submissions in the mix: 2 of every 20 requests. */
const WRITE_SHARE = 2 / 20;
const CLOCK_TICKS = clockTicks();

// ---------------------------------------------------------------------------------------------
// CPU time from /proc

interface ProcStat {
  ppid: number;
  /** utime + stime, in clock ticks (every thread of the process). */
  own: number;
  /** cutime + cstime: the children it has waited for, in clock ticks. */
  reaped: number;
}

function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: the fields start after its last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
}

/** CPU seconds a process has used so far, all its threads together. */
function processSeconds(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return stat.own / CLOCK_TICKS;
}

/**
 * CPU seconds PostgreSQL has used so far: the postmaster's own, its children's that have exited
 * (it reaps its backends, so their time lands in its cutime and cstime) and those of its live
 * children. Read again when a child was reaped during the reading, so that none is counted twice
 * or not at all: a backend that exits between two readings moves from the live sum to the reaped.
 */
function postgresSeconds(postmaster: number): number {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const before = readStat(postmaster);
    if (!before) throw new Error(`the PostgreSQL postmaster ${postmaster} is gone`);
    let live = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(Number(entry));
      if (stat?.ppid === postmaster) live += stat.own + stat.reaped;
    }
    const after = readStat(postmaster);
    if (after && after.reaped === before.reaped) return (after.own + after.reaped + live) / CLOCK_TICKS;
  }
  throw new Error("PostgreSQL's backends kept exiting while their CPU time was read");
}

/** The postmaster of the server a connection reaches, or null when it is not a process of this machine. */
async function findPostmaster(database: DatabaseHandle): Promise<number | null> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
  const backend = rows[0] ? readStat(rows[0].pid) : null;
  return backend && readStat(backend.ppid) ? backend.ppid : null;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL, the seed and the SMTP sink

interface Postgres {
  urlOf(name: string): string;
  admin: DatabaseHandle;
  postmaster: number | null;
  stop(): Promise<void>;
}

async function startPostgres(): Promise<Postgres> {
  const server = process.env.COHORT_TEST_PG_URL ? null : await startTemporaryPostgres();
  const adminUrl = process.env.COHORT_TEST_PG_URL ?? server?.url ?? "";
  const admin = await openDatabase(adminUrl, { poolSize: 1 });
  return {
    admin,
    postmaster: await findPostmaster(admin),
    urlOf(name) {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      await admin.close();
      server?.stop();
    },
  };
}

interface Seeded {
  warmupApplicants: SurgeApplicant[];
  applicants: SurgeApplicant[];
}

/** A fresh database for one phase: the demo program, the surge term and its applicants, vacuumed and analysed. */
async function seedPhase(url: string, warmupWrites: number, writes: number): Promise<Seeded> {
  const database = await openDatabase(url);
  try {
    await migrateToLatest(database.db);
    const now = new Date();
    await seedDemoIfEmpty(database, now);
    const fixture = await seedSurge(database, { applicants: warmupWrites + writes, now });
    // So that autovacuum finds nothing left of the seed to do in the measured window.
    await sql`vacuum analyze`.execute(database.db);
    return { warmupApplicants: fixture.applicants.slice(0, warmupWrites), applicants: fixture.applicants.slice(warmupWrites) };
  } finally {
    await database.close();
  }
}

interface SmtpSink {
  url: string;
  received(): number;
  close(): Promise<void>;
}

/** An SMTP server on loopback that accepts every message and keeps nothing of it. */
async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received += 1;
        callback(null);
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resolves when no email waits in the outbox; the seconds it took. */
async function outboxDrained(admin: DatabaseHandle, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const row = await admin.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("waiting"))
      .where("state", "in", ["pending", "sending"])
      .executeTakeFirstOrThrow();
    if (Number(row.waiting) === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`${row.waiting} emails still wait in the outbox after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

interface Server {
  url: string;
  child: ChildProcess;
  pid: number;
}

/** The command line of a server process: `cohort serve`, or the baseline's bare route. */
type ServerKind = { kind: "cohort"; smtpUrl: string } | { kind: "bare" };

function startServer(databaseUrl: string, serverKind: ServerKind): Promise<Server> {
  const profiling = cpuProfile ? ["--cpu-prof", "--cpu-prof-dir", path.join(root, ".tmp", "processes-profile")] : [];
  const argv =
    serverKind.kind === "cohort"
      ? [...profiling, path.join(root, "bin/cohort.js"), "serve", "--db", databaseUrl, "--port", "0", "--no-demo"]
      : ["--import", "tsx", path.join(root, "bench/processes-target.ts"), databaseUrl];
  const name = serverKind.kind === "cohort" ? "cohort serve" : "the bare route";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      stdio: ["ignore", "pipe", "pipe"],
      // Request logs at info would cost the same per request in either set-up and only blur the comparison.
      env: {
        ...process.env,
        COHORT_LOG_LEVEL: "warn",
        COHORT_SMTP_URL: serverKind.kind === "cohort" ? serverKind.smtpUrl : "",
        COHORT_PUBLIC_URL: "http://127.0.0.1:3000",
      },
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match?.[1] && child.pid !== undefined) resolve({ url: match[1], child, pid: child.pid });
    });
    // Kept to say why, should a server stop before it is told to.
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-10_000);
    });
    child.on("exit", (code, signal) => {
      if (!stopping.has(child)) console.error(`${name} (pid ${child.pid}) stopped by itself (${signal ?? `exit code ${code}`}):\n${stderr}`);
      reject(new Error(`${name} exited with ${code}`));
    });
  });
}

/** The servers told to stop: any other that exits has failed. */
const stopping = new WeakSet<ChildProcess>();

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      resolve();
      return;
    }
    server.child.once("exit", () => resolve());
    stopping.add(server.child);
    server.child.kill("SIGTERM");
  });
}

// ---------------------------------------------------------------------------------------------
// The mix

interface OneRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

type Kind = "catalog" | "project" | "term" | "programs" | "terms" | "myApplications" | "me" | "submit";

/** Twenty requests: 70% public reads, 20% signed-in reads, 10% submissions, interleaved. */
const PATTERN: readonly Kind[] = [
  "catalog",
  "project",
  "catalog",
  "term",
  "myApplications",
  "catalog",
  "project",
  "submit",
  "catalog",
  "programs",
  "myApplications",
  "catalog",
  "project",
  "terms",
  "catalog",
  "me",
  "project",
  "catalog",
  "submit",
  "myApplications",
];

/** The public pages of the mix, read from a server of the seeded database. */
interface PublicPaths {
  catalog: string[];
  project: string[];
  term: string[];
  terms: string[];
}

async function getJson<T>(url: string): Promise<T> {
  const answer = await fetch(url);
  if (!answer.ok) throw new Error(`${url} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function publicPaths(url: string): Promise<PublicPaths> {
  const programs = await getJson<{ items: Array<{ slug: string }> }>(`${url}/api/programs`);
  const catalog: string[] = [];
  const project: string[] = [];
  const term: string[] = [];
  const terms: string[] = [];
  for (const program of programs.items) {
    terms.push(`/api/programs/${program.slug}/terms`);
    const listed = await getJson<{ items: Array<{ slug: string }> }>(`${url}/api/programs/${program.slug}/terms`);
    for (const { slug } of listed.items) {
      term.push(`/api/terms/${slug}`);
      const base = `/api/terms/${slug}/projects`;
      const first = await getJson<CatalogResponse>(`${url}${base}`);
      if (first.items.length === 0) continue;
      const skill = first.facets.skills[0]?.name ?? "go";
      const org = first.facets.organizations[0]?.name ?? "";
      catalog.push(base, `${base}?q=documentation`, `${base}?skill=${encodeURIComponent(skill)}`, `${base}?org=${encodeURIComponent(org)}`);
      if (slug === SURGE_TERM.term) catalog.push(`${base}?page=2&limit=10`, `${base}?q=command%20line&skill=${encodeURIComponent(skill)}`);
      for (let page = 1; ; page += 1) {
        const listing = page === 1 ? first : await getJson<CatalogResponse>(`${url}${base}?page=${page}`);
        project.push(...listing.items.map((item) => `/api/projects/${item.slug}`));
        if (listing.items.length === 0 || project.length > 500 || page * listing.limit >= listing.total) break;
      }
    }
  }
  return { catalog, project, term, terms };
}

/**
 * The requests of one load, in a fixed order shared by every load generator of the phase: the
 * n-th request is the same whether one or two servers answer. Submissions take the applicants
 * in turn, each once (a run longer than the seed wraps round to edits of their applications);
 * signed-in reads are by the applicants of `readers`.
 */
function mix(paths: PublicPaths, writers: SurgeApplicant[], readers: SurgeApplicant[], label: string): () => OneRequest {
  const counters = new Map<Kind, number>();
  let n = 0;
  const take = <T>(kind: Kind, list: readonly T[]): T => {
    const count = counters.get(kind) ?? 0;
    counters.set(kind, count + 1);
    return list[count % list.length] as T;
  };
  const reader = () => take("myApplications", readers);
  return () => {
    const kind = PATTERN[n % PATTERN.length] as Kind;
    n += 1;
    switch (kind) {
      case "catalog":
      case "project":
      case "term":
      case "terms":
        return { method: "GET", path: take(kind, paths[kind]) };
      case "programs":
        return { method: "GET", path: "/api/programs" };
      case "myApplications":
        return { method: "GET", path: "/api/me/applications", headers: { cookie: reader().cookie } };
      case "me":
        return { method: "GET", path: "/api/me", headers: { cookie: take("me", readers).cookie } };
      case "submit": {
        const round = counters.get("submit") ?? 0;
        const applicant = take("submit", writers);
        return {
          method: "POST",
          path: `/api/projects/${applicant.projectSlug}/application/submit`,
          headers: submitHeaders(applicant, `${label}-${round}`),
          body: JSON.stringify(applicant.body),
        };
      }
    }
  };
}

/** What one slice of load got: its answers by status, their latencies, and how long it lasted. */
interface LoadResult {
  completed: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Requests that got no answer: a connection error or a timeout. */
  errors: number;
  /** Each answer's latency in milliseconds (paced slices only). */
  latencies: number[];
}

type RawResult = autocannon.Result & { totalCompletedRequests: number; errors: number; timeouts: number };

/**
 * Sends `amount` requests of the mix as fast as the servers answer them, at `connections`
 * connections split evenly among them (one load generator each, at once).
 */
async function saturate(urls: string[], next: () => OneRequest, amount: number): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const raw = await Promise.all(
    urls.map(
      (url, index) =>
        autocannon({
          url,
          connections: Math.floor(connections / urls.length) + (index < connections % urls.length ? 1 : 0),
          amount: Math.floor(amount / urls.length) + (index < amount % urls.length ? 1 : 0),
          timeout: 60,
          skipAggregateResult: true,
          requests: [
            {
              setupRequest: (request) => {
                const one = next();
                return { ...request, method: one.method, path: one.path, headers: one.headers ?? {}, body: one.body ?? "" };
              },
              onResponse: (status) => {
                statuses[status] = (statuses[status] ?? 0) + 1;
              },
            },
          ],
        }) as Promise<RawResult>,
    ),
  );
  return {
    completed: raw.reduce((sum, result) => sum + result.totalCompletedRequests, 0),
    seconds: (performance.now() - started) / 1000,
    statuses,
    errors: raw.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
    latencies: [],
  };
}

/**
 * Sends `amount` requests of the mix at `rate` requests per second, each at its planned instant
 * whether or not earlier ones were answered (an open loop, as visitors arrive), to the servers in
 * turn. autocannon paces per connection and per whole second, in bursts, so the pacing is done
 * here.
 */
async function paced(urls: string[], next: () => OneRequest, amount: number, rate: number): Promise<LoadResult> {
  const result: LoadResult = { completed: 0, seconds: 0, statuses: {}, errors: 0, latencies: [] };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let index = 0; index < amount; index += 1) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait >= 1) await sleep(wait);
    const one = next();
    const sent = performance.now();
    const answered = fetch(`${urls[index % urls.length]}${one.path}`, {
      method: one.method,
      headers: one.headers ?? {},
      body: one.body,
      signal: AbortSignal.timeout(60_000),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        result.completed += 1;
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        result.latencies.push(performance.now() - sent);
      })
      .catch(() => {
        result.errors += 1;
      })
      .finally(() => inFlight.delete(answered));
    inFlight.add(answered);
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const completedOf = (loads: LoadResult[]) => loads.reduce((sum, one) => sum + one.completed, 0);

// ---------------------------------------------------------------------------------------------
// Set-ups, measured in turns

/** One set-up under test: its server processes, the requests they get, and what the slices of load measured. */
interface Setup {
  label: string;
  processes: number;
  servers: Server[];
  urls: string[];
  warmup: () => OneRequest;
  measured: () => OneRequest;
  /** Waits until the work the requests caused is done (Cohort: the outbox is empty again); the seconds waited. */
  settle: () => Promise<number>;
  /** The warm-up's second half, sent as fast as the set-up answers: its throughput. */
  saturated: LoadResult[];
  /** The measured slices, sent at one fixed rate to every set-up: its CPU per request. */
  loads: LoadResult[];
  settleSeconds: number;
  serverCpu: number;
  postgresCpu: number | null;
}

function cpuNow(servers: Server[], postmaster: number | null): { servers: number; postgres: number | null } {
  return {
    servers: servers.reduce((sum, server) => sum + processSeconds(server.pid), 0),
    postgres: postmaster === null ? null : postgresSeconds(postmaster),
  };
}

const processesLabel = (processes: number) => `${processes} ${processes === 1 ? "process" : "processes"}`;

function newSetup(
  label: string,
  processes: number,
  servers: Server[],
  requests: Pick<Setup, "warmup" | "measured" | "settle">,
  postmaster: number | null,
): Setup {
  return {
    label,
    processes,
    servers,
    urls: servers.map((server) => server.url),
    ...requests,
    saturated: [],
    loads: [],
    settleSeconds: 0,
    serverCpu: 0,
    postgresCpu: postmaster === null ? null : 0,
  };
}

/** Starts `processes` servers; `cleanup` learns how to stop them. */
async function startServers(processes: number, databaseUrl: string, serverKind: ServerKind, cleanup: Array<() => Promise<void>>): Promise<Server[]> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer(databaseUrl, serverKind)));
  cleanup.push(async () => {
    await Promise.all(servers.map(stop));
  });
  return servers;
}

/** A set-up of `cohort serve` processes: where its database is, and its terms. */
type CohortSetup = Setup & { databaseUrl: string; termSlugs: string[] };

/** Seeds a fresh database and starts the `cohort serve` processes of a set-up on it; `cleanup` learns of each thing to undo. */
async function prepareCohort(postgres: Postgres, smtp: SmtpSink, processes: number, cleanup: Array<() => Promise<void>>): Promise<CohortSetup> {
  const database = `processes_${process.pid}_${processes}`;
  await sql`create database ${sql.id(database)}`.execute(postgres.admin.db);
  cleanup.push(async () => {
    await sql`drop database if exists ${sql.id(database)} with (force)`.execute(postgres.admin.db);
  });
  const databaseUrl = postgres.urlOf(database);
  const seeding = performance.now();
  const seeded = await seedPhase(databaseUrl, Math.ceil(warmupCount * WRITE_SHARE) + connections, Math.ceil(measuredCap * WRITE_SHARE) + connections);
  const seedSeconds = (performance.now() - seeding) / 1000;
  const handle = await openDatabase(databaseUrl, { poolSize: 1 });
  cleanup.push(() => handle.close());
  const servers = await startServers(processes, databaseUrl, { kind: "cohort", smtpUrl: smtp.url }, cleanup);
  const paths = await publicPaths(servers[0]?.url ?? "");
  console.log(
    `Cohort, ${processesLabel(processes)}: seeded a database of its own in ${seedSeconds.toFixed(1)} s; ${paths.catalog.length} catalog searches, ${paths.project.length} project pages, ${paths.term.length} terms in the mix`,
  );
  const requests = {
    warmup: mix(paths, seeded.warmupApplicants, seeded.warmupApplicants, "warmup"),
    measured: mix(paths, seeded.applicants, seeded.warmupApplicants, "measured"),
    settle: () => outboxDrained(handle),
  };
  const termSlugs = paths.term.map((termPath) => termPath.slice("/api/terms/".length));
  return { ...newSetup(`Cohort, ${processesLabel(processes)}`, processes, servers, requests, postgres.postmaster), databaseUrl, termSlugs };
}

/**
 * Sends each set-up the same warm-up in turns, as fast as it answers, in slices of 500 so that
 * no pool sits idle long; the second half's slices are its throughput. Returns the slowest
 * set-up's throughput.
 */
async function warmInTurns(setups: Setup[], count: number): Promise<number> {
  const slices = Math.max(2, Math.round(count / 500));
  for (let slice = 0; slice < slices; slice += 1) {
    for (const setup of setups) {
      const warm = await saturate(setup.urls, setup.warmup, Math.round(count / slices));
      const failed = Object.entries(warm.statuses).filter(([status]) => !status.startsWith("2"));
      if (failed.length > 0) throw new Error(`${setup.label}: the warm-up was answered ${JSON.stringify(warm.statuses)}`);
      if (slice >= slices / 2) setup.saturated.push(warm);
    }
  }
  for (const setup of setups) await setup.settle();
  // A tick of every worker loop after the warm-up's emails, so that each loop is back to polling.
  await sleep(2500);
  return Math.min(...setups.map((setup) => rateOf(setup.saturated)));
}

/** Requests answered per second of load. */
function rateOf(loads: LoadResult[]): number {
  return completedOf(loads) / loads.reduce((sum, one) => sum + one.seconds, 0);
}

/**
 * Sends each set-up `total` requests at `rate` requests per second, in slices of about
 * SLICE_SECONDS, taking turns
 * (1, 2, 2, 1, ...), so that whatever else the machine does weighs on both alike and the
 * set-up waiting its turn keeps its pools' connections (closed after 10 s idle). A slice counts
 * the CPU of the set-up's servers and of PostgreSQL from its first request until it settled.
 */
async function measureInTurns(setups: Setup[], postmaster: number | null, total: number, rate: number): Promise<number> {
  const sliceAmount = Math.max(connections * 2, Math.min(total, Math.round(rate * SLICE_SECONDS)));
  // An even number, so that each set-up goes first as often as the other.
  const slices = Math.max(2, 2 * Math.round(total / sliceAmount / 2));
  for (let slice = 0; slice < slices; slice += 1) {
    const amount = Math.floor(total / slices) + (slice < total % slices ? 1 : 0);
    for (const setup of slice % 2 === 0 ? setups : [...setups].reverse()) {
      const before = cpuNow(setup.servers, postmaster);
      setup.loads.push(await paced(setup.urls, setup.measured, amount, rate));
      setup.settleSeconds += await setup.settle();
      const after = cpuNow(setup.servers, postmaster);
      setup.serverCpu += after.servers - before.servers;
      if (setup.postgresCpu !== null && after.postgres !== null && before.postgres !== null) setup.postgresCpu += after.postgres - before.postgres;
    }
  }
  return slices;
}

/** The CPU per second of the servers and of PostgreSQL while nothing is asked of them. */
async function idleCpu(servers: Server[], postmaster: number | null): Promise<{ servers: number; postgres: number | null }> {
  const before = cpuNow(servers, postmaster);
  await sleep(IDLE_SECONDS * 1000);
  const after = cpuNow(servers, postmaster);
  return {
    servers: (after.servers - before.servers) / IDLE_SECONDS,
    postgres: after.postgres === null || before.postgres === null ? null : (after.postgres - before.postgres) / IDLE_SECONDS,
  };
}

function cpuPerRequest(setup: Setup): number {
  return (setup.serverCpu + (setup.postgresCpu ?? 0)) / completedOf(setup.loads);
}

const ms = (seconds: number) => (seconds * 1000).toFixed(3);

function report(setup: Setup): void {
  const completed = completedOf(setup.loads);
  const latencies = setup.loads.flatMap((one) => one.latencies).sort((a, b) => a - b);
  const percentile = (share: number) => (latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0).toFixed(0);
  const seconds = setup.loads.reduce((sum, one) => sum + one.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const one of setup.loads) for (const [status, count] of Object.entries(one.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  const statusText = Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count}× ${status}`)
    .join(", ");
  const errors = setup.loads.reduce((sum, one) => sum + one.errors, 0);
  const postgres = setup.postgresCpu;
  console.log(`\n${setup.label}:`);
  console.log(`  throughput, as fast as it answers (the warm-up's second half): ${rateOf(setup.saturated).toFixed(0)} req/s`);
  console.log(
    `  measured: ${completed} requests, paced, in ${seconds.toFixed(1)} s of load: ${(completed / seconds).toFixed(0)} req/s, p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms (${statusText}; errors ${errors})`,
  );
  console.log(
    `  CPU: servers ${setup.serverCpu.toFixed(2)} s, PostgreSQL ${postgres === null ? "not measured (not on this machine)" : `${postgres.toFixed(2)} s`}; per request ${ms(cpuPerRequest(setup))} ms (servers ${ms(setup.serverCpu / completed)}, PostgreSQL ${postgres === null ? "-" : ms(postgres / completed)})${setup.settleSeconds > 0 ? `; ${setup.settleSeconds.toFixed(1)} s of waiting for the outbox to empty after the slices counted in` : ""}`,
  );
}

if (seconds !== undefined && !(seconds > 0)) {
  console.error("--seconds takes a positive number.");
  process.exit(2);
}
if (requestCount !== undefined && !(Number.isInteger(requestCount) && requestCount > 0)) {
  console.error("--requests takes a positive whole number.");
  process.exit(2);
}
if (!(LOAD_SHARE > 0 && LOAD_SHARE <= 1)) {
  console.error("--load takes a share of the throughput above 0 and at most 1, e.g. 0.6.");
  process.exit(2);
}
if (!(Number.isInteger(connections) && connections >= 2)) {
  console.error("--connections takes a whole number of at least 2.");
  process.exit(2);
}
if (!fs.existsSync("/proc/self/stat")) {
  console.error("This benchmark reads CPU times from /proc: it runs on Linux only.");
  process.exit(2);
}

// The sink first: it lives in this process, while PostgreSQL is stopped by the cleanup below.
const smtp = await startSmtpSink();
const postgres = await startPostgres();
const cleanup: Array<() => Promise<void>> = [];
const cohort: CohortSetup[] = [];
const bare: Setup[] = [];
const idle = new Map<Setup, { servers: number; postgres: number | null }>();
let total = 0;
try {
  if (postgres.postmaster === null) console.log("PostgreSQL runs elsewhere: its CPU is not measured, only the servers'.");
  for (const processes of [1, 2]) cohort.push(await prepareCohort(postgres, smtp, processes, cleanup));
  const rate = LOAD_SHARE * (await warmInTurns(cohort, warmupCount));
  total = requestCount ?? Math.min(measuredCap, Math.round(rate * (seconds ?? 0)));
  const slices = await measureInTurns(cohort, postgres.postmaster, total, rate);
  console.log(
    `\nmeasured ${total} requests per set-up at ${rate.toFixed(0)} req/s (${LOAD_SHARE} of the slower set-up's throughput) in ${slices} slices each, taking turns (1, 2, 2, 1, ...)`,
  );

  // Idle: each set-up alone, its servers started again, once their worker loops have ticked twice.
  for (const setup of cohort) await Promise.all(setup.servers.map(stop));
  for (const setup of cohort) {
    const servers = await startServers(setup.processes, setup.databaseUrl, { kind: "cohort", smtpUrl: smtp.url }, cleanup);
    await sleep(4500);
    idle.set(setup, await idleCpu(servers, postgres.postmaster));
    await Promise.all(servers.map(stop));
  }

  // The baseline: the bare route, one and two processes, on the first set-up's database (it only reads).
  const termSlugs = cohort[0]?.termSlugs ?? [];
  for (const processes of [1, 2]) {
    const servers = await startServers(processes, cohort[0]?.databaseUrl ?? "", { kind: "bare" }, cleanup);
    let n = 0;
    const next = (): OneRequest => ({ method: "GET", path: `/terms/${termSlugs[n++ % termSlugs.length]}` });
    bare.push(
      newSetup(`bare route, ${processesLabel(processes)}`, processes, servers, { warmup: next, measured: next, settle: async () => 0 }, postgres.postmaster),
    );
  }
  const bareRate = LOAD_SHARE * (await warmInTurns(bare, warmupCount));
  await measureInTurns(bare, postgres.postmaster, Math.max(total, Math.round(bareRate * 20)), bareRate);
} finally {
  for (const undo of cleanup.reverse()) await undo().catch((error: unknown) => console.error(`cleaning up: ${(error as Error).message}`));
  await smtp.close();
  await postgres.stop();
}
for (const setup of cohort) {
  report(setup);
  const quiet = idle.get(setup);
  if (quiet) {
    console.log(
      `  idle, no request for ${IDLE_SECONDS} s (the worker loops polling): servers ${ms(quiet.servers)} ms CPU per second${quiet.postgres === null ? "" : `, PostgreSQL ${ms(quiet.postgres)} ms CPU per second (its own background work included)`}`,
    );
  }
}
for (const setup of bare) report(setup);

const [one, two] = cohort as [CohortSetup, CohortSetup];
const ratio = cpuPerRequest(two) / cpuPerRequest(one);
const [bareOne, bareTwo] = bare as [Setup, Setup];
const bareRatio = cpuPerRequest(bareTwo) / cpuPerRequest(bareOne);
const throughput = (setup: Setup) => rateOf(setup.saturated);
console.log(
  `\nthroughput with 2 processes: Cohort ${(throughput(two) / throughput(one)).toFixed(2)}× that of 1, the bare route ${(throughput(bareTwo) / throughput(bareOne)).toFixed(2)}×`,
);
console.log(
  `CPU per request, 2 processes vs 1: the bare route ${bareRatio.toFixed(2)}× (what a second Node.js process costs on this machine, whatever it runs); Cohort ${ratio.toFixed(2)}×, ${(ratio / bareRatio).toFixed(2)}× the bare route's ratio`,
);
console.log(`CPU per request, 2 processes vs 1: ${ratio.toFixed(2)}× (target ≤ 1.10×): ${ratio <= 1.1 ? "met" : "NOT met"}`);
console.log(`processes: CPU per request, 2 processes vs 1: ${ratio.toFixed(2)}×`);
