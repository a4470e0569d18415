/**
 * `npm run bench:surge`: the last hours before applications close. Seeds N applicants (20,000
 * by default) with live sessions and eligible answers straight into a database, and a term of
 * 100 accepted projects whose applications are open, then sends one submission per applicant
 * (POST /api/projects/{project}/application/submit with a session cookie, its CSRF token and an
 * Idempotency-Key) at 100 concurrent connections to a real Cohort server process. In the same
 * run the same requests go to two bare Fastify routes that parse the same body and insert one
 * row per request, one commit each: on SQLite one at synchronous=FULL and one at NORMAL (WAL);
 * on PostgreSQL with synchronous_commit on and off. Every server runs in a process of its own; a
 * warm-up of other applicants comes first, unmeasured.
 *
 * Targets (issue 12): Cohort at least 1.5× the bare FULL route's throughput (group commit pays
 * off) and 0.5× the bare NORMAL route's, its p99 at most twice the bare NORMAL route's, and
 * afterwards exactly as many submitted applications as acknowledgements. The last line reads
 * `surge: <x>× bare FULL, <y>× bare NORMAL, rows <r> = acknowledged <k>` (SQLite's, when both
 * engines run).
 *
 * Usage: npm run bench:surge [-- --applicants N] [--engine sqlite|postgres|all] [--cpu-prof]
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import { openDatabase } from "../src/storage/database.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { startTemporaryPostgres } from "../test/helpers/postgres-server.ts";
import { type SurgeApplicant, seedSurge, submitHeaders } from "../test/helpers/surge-fixture.ts";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const applicantCount = Number(option("--applicants") ?? 20_000);
const engine = option("--engine") ?? "all";
const cpuProfile = args.includes("--cpu-prof");
const warmupCount = Math.min(2000, Math.max(100, Math.round(applicantCount / 10)));
const CONNECTIONS = 100;
const TMPFS_MAGIC = 0x01021994;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  acknowledged: number;
  refused: number;
  /** How many refusals of each status, e.g. {503: 12}. */
  refusals: Record<number, number>;
  errors: number;
}

interface Request {
  path: string;
  headers: Record<string, string>;
  body: string;
}

function startTarget(targetArgs: string[]): Promise<{ url: string; child: ChildProcess }> {
  const profiling = cpuProfile && targetArgs[0] === "real" ? ["--cpu-prof", "--cpu-prof-dir", path.join(root, ".tmp", "surge-profile")] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profiling, "--import", "tsx", path.join(root, "bench/surge-target.ts"), ...targetArgs], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`${targetArgs[0]} target exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Sends every request once, at 100 concurrent connections, and counts the acknowledgements (201). */
async function send(url: string, requests: Request[]): Promise<Figures> {
  let next = 0;
  let acknowledged = 0;
  let refused = 0;
  const refusals: Record<number, number> = {};
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: requests.length,
    // A request the client gives up on may still be written: waiting for every answer keeps rows and acknowledgements comparable.
    timeout: 600,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const one = requests[next % requests.length] as Request;
          next += 1;
          return { ...request, path: one.path, headers: one.headers, body: one.body };
        },
        onResponse: (status) => {
          if (status === 201) acknowledged += 1;
          else {
            refused += 1;
            refusals[status] = (refusals[status] ?? 0) + 1;
          }
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    acknowledged,
    refused,
    refusals,
    errors: result.errors + result.timeouts,
  };
}

function submissions(applicants: SurgeApplicant[], pathOf: (applicant: SurgeApplicant) => string): Request[] {
  return applicants.map((applicant) => ({
    path: pathOf(applicant),
    headers: submitHeaders(applicant, `surge-submit-${applicant.personId}`),
    body: JSON.stringify(applicant.body),
  }));
}

function row(name: string, figures: Figures): string {
  const statuses = Object.entries(figures.refusals).map(([status, count]) => `${count}× ${status}`);
  const counts = `acknowledged ${figures.acknowledged}, refused ${figures.refused}${statuses.length > 0 ? ` (${statuses.join(", ")})` : ""}, errors ${figures.errors}`;
  return `${name.padEnd(26)} ${figures.rps.toFixed(0).padStart(7)} req/s   p50 ${String(figures.p50).padStart(5)} ms   p99 ${String(figures.p99).padStart(5)} ms   ${counts}`;
}

interface Outcome {
  label: string;
  cohort: Figures;
  full: Figures;
  normal: Figures;
  rows: number;
}

/** Where the databases of one engine live, and how to throw them away. */
interface Engine {
  label: string;
  cohortUrl: string;
  bareUrl(durability: "full" | "normal"): string;
  dispose(): Promise<void>;
}

function sqliteEngine(): Engine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-surge-"));
  // fsync on tmpfs costs nothing, which would make synchronous=FULL look free.
  if (fs.statfsSync(dir).type === TMPFS_MAGIC) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`${os.tmpdir()} is a tmpfs; set TMPDIR to a folder on a real disk.`);
  }
  return {
    label: "SQLite",
    cohortUrl: `sqlite:${path.join(dir, "cohort.db")}`,
    bareUrl: (durability) => `sqlite:${path.join(dir, `bare-${durability}.db`)}`,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine> {
  const server = process.env.COHORT_TEST_PG_URL ? null : await startTemporaryPostgres();
  const adminUrl = process.env.COHORT_TEST_PG_URL ?? server?.url ?? "";
  const admin = await openDatabase(adminUrl, { poolSize: 1 });
  // The throwaway test server runs without fsync; a durability benchmark needs it back.
  if (server) {
    await sql`alter system set fsync = on`.execute(admin.db);
    await sql`alter system set full_page_writes = on`.execute(admin.db);
    await sql`select pg_reload_conf()`.execute(admin.db);
  }
  const suffix = `${process.pid}`;
  const names = { cohort: `surge_cohort_${suffix}`, full: `surge_bare_full_${suffix}`, normal: `surge_bare_normal_${suffix}` };
  for (const name of Object.values(names)) await sql`create database ${sql.id(name)}`.execute(admin.db);
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    label: "PostgreSQL",
    cohortUrl: urlOf(names.cohort),
    bareUrl: (durability) => urlOf(names[durability]),
    async dispose() {
      for (const name of Object.values(names)) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
      server?.stop();
    },
  };
}

async function benchEngine(target: Engine): Promise<Outcome> {
  const database = await openDatabase(target.cohortUrl);
  await migrateToLatest(database.db);
  const seeding = performance.now();
  const fixture = await seedSurge(database, { applicants: warmupCount + applicantCount, now: new Date() });
  console.log(
    `\n${target.label}: seeded ${applicantCount} applicants (+${warmupCount} for the warm-up) with sessions and eligible answers, ${fixture.projectSlugs.length} projects, in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const warmup = fixture.applicants.slice(0, warmupCount);
  const measured = fixture.applicants.slice(warmupCount);
  const firstMeasured = measured[0]?.personId ?? 0;
  await database.close();

  const real = await startTarget(["real", target.cohortUrl]);
  let cohort: Figures;
  try {
    const submitPath = (applicant: SurgeApplicant) => `/api/projects/${applicant.projectSlug}/application/submit`;
    const warm = await send(real.url, submissions(warmup, submitPath));
    if (warm.acknowledged === 0) {
      const probe = submissions(measured.slice(0, 1), submitPath)[0] as Request;
      const answer = await fetch(`${real.url}${probe.path}`, { method: "POST", headers: probe.headers, body: probe.body });
      throw new Error(`Cohort acknowledged no submission of the warm-up; one answered ${answer.status}: ${await answer.text()}`);
    }
    cohort = await send(real.url, submissions(measured, submitPath));
  } finally {
    await stop(real.child);
  }
  const reader = await openDatabase(target.cohortUrl);
  const counted = await reader.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("rows"))
    .where("state", "=", "submitted")
    .where("personId", ">=", firstMeasured)
    .executeTakeFirstOrThrow();
  await reader.close();

  const bare: Partial<Record<"full" | "normal", Figures>> = {};
  for (const durability of ["full", "normal"] as const) {
    const server = await startTarget(["bare", target.bareUrl(durability), durability]);
    try {
      await send(
        server.url,
        submissions(warmup, () => "/submit"),
      );
      bare[durability] = await send(
        server.url,
        submissions(measured, () => "/submit"),
      );
    } finally {
      await stop(server.child);
    }
  }
  const full = bare.full as Figures;
  const normal = bare.normal as Figures;
  const [fullName, normalName] = target.label === "SQLite" ? ["synchronous=FULL", "synchronous=NORMAL"] : ["synchronous_commit=on", "synchronous_commit=off"];
  console.log(`${CONNECTIONS} connections, one submission per applicant (${measured.length} requests each)`);
  console.log(row(`bare route, ${fullName}`, full));
  console.log(row(`bare route, ${normalName}`, normal));
  console.log(row("Cohort submit", cohort));
  return { label: target.label, cohort, full, normal, rows: Number(counted.rows) };
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function summary(outcome: Outcome): string {
  return `surge: ${ratio(outcome.cohort.rps / outcome.full.rps)} bare FULL, ${ratio(outcome.cohort.rps / outcome.normal.rps)} bare NORMAL, rows ${outcome.rows} = acknowledged ${outcome.cohort.acknowledged}`;
}

function verdict(outcome: Outcome): string {
  const full = outcome.cohort.rps / outcome.full.rps;
  const normal = outcome.cohort.rps / outcome.normal.rps;
  const p99 = outcome.cohort.p99 / Math.max(1, outcome.normal.p99);
  const met = full >= 1.5 && normal >= 0.5 && p99 <= 2 && outcome.rows === outcome.cohort.acknowledged;
  return `${outcome.label}: ${ratio(full)} bare FULL (target ≥ 1.5×), ${ratio(normal)} bare NORMAL (target ≥ 0.5×), p99 ${ratio(p99)} bare NORMAL's (target ≤ 2×), rows ${outcome.rows} for ${outcome.cohort.acknowledged} acknowledgements: ${met ? "met" : "NOT met"}`;
}

if (!Number.isInteger(applicantCount) || applicantCount < 1) {
  console.error("--applicants takes a positive whole number.");
  process.exit(2);
}
if (!["sqlite", "postgres", "all"].includes(engine)) {
  console.error("--engine takes sqlite, postgres or all.");
  process.exit(2);
}
const outcomes: Outcome[] = [];
// PostgreSQL first, so that SQLite's line, the issue's target, is the last one printed.
for (const name of engine === "all" ? ["postgres", "sqlite"] : [engine]) {
  const target = name === "sqlite" ? sqliteEngine() : await postgresEngine();
  try {
    outcomes.push(await benchEngine(target));
  } finally {
    await target.dispose();
  }
}
console.log("");
for (const outcome of outcomes) console.log(verdict(outcome));
for (const outcome of outcomes) console.log(outcome === outcomes.at(-1) ? summary(outcome) : `${outcome.label} ${summary(outcome)}`);
