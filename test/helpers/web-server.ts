import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { importTermPage } from "../../src/commands/term-pages/import-term-page.ts";
import { loadConfig } from "../../src/config/config.ts";
import { termSlugFromPath } from "../../src/domain/slug.ts";
import { startServer } from "../../src/server/start.ts";
import { type DatabaseHandle, openDatabase } from "../../src/storage/database.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { parseTermPage } from "../../src/termpages/index.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");
const DIST_INDEX = path.join(WEB, "dist", "index.html");
const ZONE = "America/Los_Angeles";

/** The program and term of the hand-written page whose applications are open today. */
export const OPEN_TERM = { program: "cohort-test", programName: "Cohort Test Mentorship", term: "open-term" } as const;

/** The program the real term pages of test/fixtures/termpages are imported into. */
export const FIXTURE_PROGRAM = { program: "cncf-lfx", programName: "CNCF LFX Mentorship" } as const;

/** A real, complete term of test/fixtures/termpages with some 45 projects, enough for several catalog pages. */
export const PAST_TERM = { term: "2024-02-jun-aug" } as const;

/** A running Cohort server with the web UI and seeded data, for browser tests. */
export interface WebServer {
  url: string;
  /** Slugs of the real terms imported from test/fixtures/termpages. */
  fixtureTerms: string[];
  /** The server's database, for the few set-ups a person would do on the command line (e.g. `cohort admin create`). */
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Options of a browser test's server. */
export interface WebServerOptions {
  /** A fixed port, only for looking at the pages by hand; tests take a free one. */
  port?: number;
  /** COHORT_SMTP_URL, e.g. a test SMTP server's; without it emails stay in the outbox. */
  smtpUrl?: string;
  /** Run the outbox worker in the server (on by default, as in production). */
  outboxWorker?: boolean;
  /** COHORT_OIDC_* to turn on sign-in with an OpenID Connect provider. */
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string };
  /** The server's clock; a test moves it to a term's instants (the notifications, an offer's deadline). */
  now?: () => Date;
}

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "dist" && name !== "node_modules")
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIsFresh(): boolean {
  if (!fs.existsSync(DIST_INDEX)) return false;
  // The UI imports shapes from src/schemas and pure rules from src/domain, so a change there changes the bundle too.
  const sources = Math.max(newestMtime(WEB), newestMtime(path.join(ROOT, "src", "schemas")), newestMtime(path.join(ROOT, "src", "domain")));
  return fs.statSync(DIST_INDEX).mtimeMs >= sources;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding a lock directory under .tmp (mkdir is atomic): test files run in
 * parallel processes, and only one may build or seed while the others wait. A lock left by a
 * killed run is stale after two minutes.
 */
async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, ".tmp", `${name}.lock`);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds web/dist when it is missing or older than the sources, and copies it to a folder of
 * the caller's own: another test run that rebuilds web/dist (after an edit) then cannot pull
 * the files from under a page being loaded.
 */
export async function snapshotWebBuild(into: string): Promise<void> {
  await withLock("web-build", async () => {
    if (!buildIsFresh()) {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      const env = { ...process.env, NODE_ENV: "production" };
      execFileSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: "pipe", env });
    }
    fs.cpSync(path.dirname(DIST_INDEX), into, { recursive: true });
  });
}

function day(date: DateTime): string {
  return date.toFormat("cccc LLL d, yyyy");
}

function at5pm(date: DateTime): string {
  const time = date.set({ hour: 17, minute: 0 });
  return `${time.toFormat("ccc LLL d, yyyy, h:mm a")} ${time.toFormat("ZZZZ")}`;
}

/**
 * The hand-written fixture page with its timeline placed around `now`: proposals closed,
 * applications open for about three more days, everything else ahead.
 */
export function openTermPage(now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf("day");
  const plus = (days: number) => today.plus({ days });
  const dates: Record<string, string> = {
    year: String(today.year),
    proposals: `${day(plus(-40))} - ${at5pm(plus(-20))}`,
    applications: `${day(plus(-6))} - ${at5pm(plus(3))}`,
    review: `${day(plus(4))} - ${at5pm(plus(12))}`,
    notifications: at5pm(plus(13)),
    start: day(plus(17)),
    midterm: day(plus(52)),
    final: at5pm(plus(94)),
    end: day(plus(96)),
  };
  const template = fs.readFileSync(path.join(ROOT, "test", "fixtures", "web", "open-term.md"), "utf8");
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => dates[key] ?? `{{${key}}}`);
}

/** The accepted-projects pages under a folder (README.md, selected_projects.md), not the pages of ideas. */
function termPageFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && !/(^|\/)(NOTICE|project_ideas)\.md$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

async function seed(database: DatabaseHandle, now: Date): Promise<string[]> {
  const actor = { personId: null, label: "web test fixtures" };
  await importTermPage({
    database,
    page: parseTermPage(openTermPage(now), { fileName: "open-term.md", now }),
    programSlug: OPEN_TERM.program,
    programName: OPEN_TERM.programName,
    termSlug: OPEN_TERM.term,
    projectState: "accepted",
    actor,
    now,
  });
  const imported: string[] = [];
  for (const file of termPageFiles(path.join(ROOT, "test", "fixtures", "termpages"))) {
    const name = path.relative(ROOT, file);
    const markdown = fs.readFileSync(file, "utf8");
    let page: ReturnType<typeof parseTermPage>;
    try {
      page = parseTermPage(markdown, { fileName: name, now });
    } catch {
      // Some fixtures are deliberately broken pages for the parser's own tests.
      continue;
    }
    if (page.timeline.length === 0 || page.organizations.length === 0) continue;
    const termSlug = termSlugFromPath(file);
    if (!termSlug) continue;
    await importTermPage({
      database,
      page,
      programSlug: FIXTURE_PROGRAM.program,
      programName: FIXTURE_PROGRAM.programName,
      termSlug,
      projectState: "accepted",
      actor,
      now,
    });
    imported.push(termSlug);
  }
  return imported;
}

/** Where each test run keeps its seeded database, copied for every server it starts. */
const SEEDED = path.join(ROOT, ".tmp", "web-seed");

/**
 * Copies the run's seeded database to `file` and returns the slugs of the imported terms. The
 * first server of a run migrates and seeds it (importing the real term pages takes seconds),
 * the others copy it: the key is the run (its main process, every test file's parent), the day
 * in the fixtures' zone, and the newest change to the sources and fixtures that shape the data.
 */
async function copySeededDatabase(file: string, now: Date): Promise<string[]> {
  const changed = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "test", "fixtures")), fs.statSync(import.meta.filename).mtimeMs);
  const key = createHash("sha256")
    .update(`${process.ppid} ${DateTime.fromJSDate(now, { zone: ZONE }).toISODate()} ${changed}`)
    .digest("hex")
    .slice(0, 16);
  const template = path.join(SEEDED, `${key}.db`);
  const terms = path.join(SEEDED, `${key}.json`);
  return withLock("web-seed", async () => {
    if (!fs.existsSync(terms)) {
      // One run's database at a time: an older one is of no use to this run.
      fs.rmSync(SEEDED, { recursive: true, force: true });
      fs.mkdirSync(SEEDED, { recursive: true });
      const database = await openDatabase(`sqlite:${template}`);
      let imported: string[];
      try {
        await migrateToLatest(database.db);
        imported = await seed(database, now);
      } finally {
        // Closing the last connection folds the write-ahead log into the file, so the file alone is the database.
        await database.close();
      }
      fs.writeFileSync(terms, JSON.stringify(imported));
    }
    fs.copyFileSync(template, file);
    return JSON.parse(fs.readFileSync(terms, "utf8")) as string[];
  });
}

/**
 * Starts the real server in this process on a free port with a fresh SQLite database (a copy
 * of the run's seeded one: the fixture term pages imported through the import command), and
 * the built web UI; with `smtpUrl`, its outbox worker delivers emails to that SMTP server.
 */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-web-"));
  await snapshotWebBuild(webRoot);
  const database: TestDatabase = await createTestDatabase("sqlite");
  const disposeAll = async () => {
    await database.dispose();
    fs.rmSync(webRoot, { recursive: true, force: true });
  };
  let fixtureTerms: string[];
  try {
    fixtureTerms = await copySeededDatabase(database.url.replace(/^sqlite:/, ""), new Date());
  } catch (error) {
    await disposeAll();
    throw error;
  }
  const env: Record<string, string> = {};
  if (options.smtpUrl) env.COHORT_SMTP_URL = options.smtpUrl;
  if (options.oidc) {
    env.COHORT_OIDC_ISSUER = options.oidc.issuer;
    env.COHORT_OIDC_CLIENT_ID = options.oidc.clientId;
    env.COHORT_OIDC_CLIENT_SECRET = options.oidc.clientSecret;
    env.COHORT_OIDC_NAME = options.oidc.name;
  }
  const config = { ...loadConfig(env), databaseUrl: database.url, host: "127.0.0.1", port: options.port ?? 0, logLevel: "silent" as const };
  const server = await startServer({
    config,
    demo: false,
    outboxWorker: options.outboxWorker ?? true,
    webRoot,
    ...(options.now ? { now: options.now } : {}),
  }).catch(async (error: unknown) => {
    await disposeAll();
    throw error;
  });
  return {
    url: server.url,
    fixtureTerms,
    database: server.database,
    async close() {
      await server.close();
      await disposeAll();
    },
  };
}
