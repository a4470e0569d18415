/**
 * `npm run bench:catalog`: imports every term page of the corpus, then at 100 concurrent
 * connections runs a mix of catalog queries (free text, skill facet, organization, paging)
 * against Cohort and, in the same run, against a bare Fastify route that returns a fixed JSON
 * body of similar size. Prints requests per second, p50 and p99 for both and their ratio, on
 * SQLite and on PostgreSQL, and the gzip size of the JavaScript the catalog page loads.
 *
 * Targets (issue of the catalog on PostgreSQL): SQLite at least 70% of the bare route's
 * throughput, PostgreSQL at least 60%, and the catalog's p99 at most twice the bare route's.
 *
 * Usage: npm run bench:catalog [-- --corpus DIR] [--seconds N] [--sqlite-only | --postgres-only]
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { importTermPage } from "../src/commands/term-pages/import-term-page.ts";
import { termSlugFromPath } from "../src/domain/slug.ts";
import type { CatalogResponse } from "../src/schemas/catalog.ts";
import { openDatabase } from "../src/storage/database.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { parseTermPage, TermPageError } from "../src/termpages/index.ts";
import { startTemporaryPostgres } from "../test/helpers/postgres-server.ts";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = path.resolve(option("--corpus") ?? path.join(root, "../shared/corpus/cncf-mentoring/programs"));
const seconds = Number(option("--seconds") ?? 10);
const CONNECTIONS = 100;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function importCorpus(url: string): Promise<{ projects: number; ms: number }> {
  const database = await openDatabase(url);
  await migrateToLatest(database.db);
  const files = fs
    .readdirSync(corpus, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".md"))
    .sort();
  const started = performance.now();
  let projects = 0;
  for (const file of files) {
    const full = path.join(corpus, file);
    let page: ReturnType<typeof parseTermPage>;
    try {
      page = parseTermPage(fs.readFileSync(full, "utf8"), { fileName: full });
    } catch (error) {
      if (error instanceof TermPageError) continue; // an empty page of project ideas: nothing to import
      throw error;
    }
    const result = await importTermPage({
      database,
      page,
      programSlug: "cncf-lfx",
      programName: "CNCF LFX Mentorship",
      termSlug: termSlugFromPath(full) ?? "term",
      projectState: path.basename(file) === "project_ideas.md" ? "proposed" : "accepted",
      actor: { personId: null, label: "bench" },
      now: new Date(),
    });
    projects += result.projects.created;
  }
  await database.close();
  return { projects, ms: performance.now() - started };
}

function startTarget(mode: "real" | "bare", arg: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/catalog-target.ts"), mode, arg], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
}

async function load(url: string, paths: string[]): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((p) => ({ method: "GET", path: p })),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Asks for every path once, so that the load measures answers already cached, then warms the JIT. */
async function warm(url: string, paths: string[]): Promise<void> {
  for (const p of paths) await (await fetch(`${url}${p}`)).arrayBuffer();
  await autocannon({ url, connections: 10, amount: Math.max(200, paths.length * 4), requests: paths.map((p) => ({ method: "GET", path: p })) });
}

/** The query mix: for the newest terms, the whole catalog, free text, a skill, an organization and later pages. */
async function queryMix(url: string): Promise<string[]> {
  const programs = (await (await fetch(`${url}/api/programs/cncf-lfx/terms`)).json()) as { items: Array<{ slug: string }> };
  const paths: string[] = [];
  for (const term of programs.items.slice(0, 8)) {
    const base = `/api/terms/${term.slug}/projects`;
    const first = (await (await fetch(`${url}${base}`)).json()) as CatalogResponse;
    const skill = first.facets.skills[0]?.name ?? "go";
    const org = first.facets.organizations[1]?.name ?? first.facets.organizations[0]?.name ?? "harbor";
    paths.push(
      base,
      `${base}?q=kubernetes`,
      `${base}?q=documentation%20website`,
      `${base}?skill=${skill}`,
      `${base}?org=${org}`,
      `${base}?page=2&limit=10`,
      `${base}?q=operator&skill=${skill}`,
    );
  }
  return paths;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

function row(name: string, figures: Figures): string {
  return `${name.padEnd(22)} ${figures.rps.toFixed(0).padStart(8)} req/s   p50 ${String(figures.p50).padStart(4)} ms   p99 ${String(figures.p99).padStart(4)} ms   errors ${figures.errors}`;
}

interface Outcome {
  label: string;
  throughput: number;
  p99Ratio: number;
  target: number;
}

async function benchEngine(label: string, url: string, target: number): Promise<Outcome> {
  const imported = await importCorpus(url);
  console.log(`\n${label}: imported ${imported.projects} projects from ${corpus} in ${(imported.ms / 1000).toFixed(1)} s`);
  const real = await startTarget("real", url);
  const paths = await queryMix(real.url);
  const sample = await (await fetch(`${real.url}${paths[0]}`)).text();
  const sampleFile = path.join(os.tmpdir(), `cohort-bench-body-${process.pid}.json`);
  fs.writeFileSync(sampleFile, sample);
  const bare = await startTarget("bare", sampleFile);
  try {
    await warm(real.url, paths);
    await warm(bare.url, ["/fixed"]);
    const bareFigures = await load(bare.url, ["/fixed"]);
    const realFigures = await load(real.url, paths);
    console.log(`${CONNECTIONS} connections, ${seconds} s each, ${paths.length} catalog queries in the mix, bare body ${sample.length} bytes`);
    console.log(row("bare Fastify route", bareFigures));
    console.log(row("Cohort catalog", realFigures));
    const outcome = { label, throughput: realFigures.rps / bareFigures.rps, p99Ratio: realFigures.p99 / Math.max(1, bareFigures.p99), target };
    console.log(
      `ratio: ${percent(outcome.throughput)} of the bare route's throughput (target ≥ ${percent(target)}); p99 ${outcome.p99Ratio.toFixed(2)}× the bare route's (target ≤ 2×)`,
    );
    return outcome;
  } finally {
    await stop(real.child);
    await stop(bare.child);
    fs.rmSync(sampleFile, { force: true });
  }
}

function catalogJsGzipBytes(): { files: number; bytes: number } | null {
  const index = path.join(root, "web/dist/index.html");
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, "utf8");
  const sources = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((match) => match[1] ?? "");
  let bytes = 0;
  for (const source of sources) bytes += zlib.gzipSync(fs.readFileSync(path.join(root, "web/dist", source)), { level: 9 }).length;
  return { files: sources.length, bytes };
}

if (!fs.existsSync(corpus)) {
  console.error(`No corpus at ${corpus}; pass --corpus DIR (a folder of term pages).`);
  process.exit(2);
}
const outcomes: Outcome[] = [];
if (!args.includes("--postgres-only")) {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bench-"));
  try {
    outcomes.push(await benchEngine("SQLite", `sqlite:${path.join(sqliteDir, "bench.db")}`, 0.7));
  } finally {
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  }
}
if (!args.includes("--sqlite-only")) {
  const postgres = process.env.COHORT_TEST_PG_URL ? null : await startTemporaryPostgres();
  try {
    outcomes.push(await benchEngine("PostgreSQL", process.env.COHORT_TEST_PG_URL ?? postgres?.url ?? "", 0.6));
  } finally {
    postgres?.stop();
  }
}
const js = catalogJsGzipBytes();
console.log(
  js
    ? `\ncatalog page JavaScript: ${js.files} files, ${(js.bytes / 1024).toFixed(1)} KB gzip (target < 150 KB)`
    : "\ncatalog page JavaScript: web/dist is missing; run npm run build first",
);
for (const outcome of outcomes) {
  const met = outcome.throughput >= outcome.target && outcome.p99Ratio <= 2;
  console.log(
    `catalog on ${outcome.label}: ${percent(outcome.throughput)} of the bare route (target ≥ ${percent(outcome.target)}), p99 ${outcome.p99Ratio.toFixed(2)}× (target ≤ 2×): ${met ? "met" : "NOT met"}`,
  );
}
