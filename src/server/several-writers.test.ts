import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../../test/fixtures/termpages/index.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { runCli, type ServeProcess, startServeProcess } from "../../test/helpers/run-cli.ts";
import { loadConfig } from "../config/config.ts";
import { newSecret } from "../security/secrets.ts";
import { type DatabaseHandle, type Dialect, openDatabase } from "../storage/database.ts";
import { parseDatabaseUrl } from "../storage/database-url.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { insertAccount } from "../storage/repos/account-repo.ts";
import { insertApiToken } from "../storage/repos/api-token-repo.ts";
import { buildApp } from "./app.ts";

const CLIENTS_PER_SERVER = 4;
const REQUESTS_PER_CLIENT = 30;
const MAX_REQUESTS_DURING_IMPORT = 5000;

/** A new migrated database with a confirmed person and a write token for each of `clients`. */
async function databaseWithWriters(dialect: Dialect, clients: number): Promise<{ target: TestDatabase; tokens: string[] }> {
  const target = await createTestDatabase(dialect);
  const database = await openDatabase(target.url);
  try {
    await migrateToLatest(database.db);
    return { target, tokens: await writeTokens(database, clients) };
  } finally {
    await database.close();
  }
}

async function writeTokens(database: DatabaseHandle, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let client = 0; client < count; client += 1) {
    const at = new Date();
    const person = await insertAccount(database.db, {
      name: `Writer ${client}`,
      email: `writer${client}@example.org`,
      passwordHash: null,
      emailVerifiedAt: at.toISOString(),
      at,
    });
    const secret = newSecret("pat");
    await insertApiToken(database.db, { personId: person.id, name: "load", tokenPrefix: secret.prefix, tokenHash: secret.hash, scope: "write", at });
    tokens.push(secret.token);
  }
  return tokens;
}

/** What the server answered to each profile change of one client: the statuses, and the body of every 5xx. */
interface Answers {
  statuses: number[];
  serverErrors: string[];
}

/**
 * Changes the client's profile again and again (its GitHub handle, which the server reads for
 * a clash before it writes) until `count` requests are answered or `until` says stop.
 */
async function changeProfile(url: string, token: string, client: number, count: number, until: () => boolean = () => false): Promise<Answers> {
  const answers: Answers = { statuses: [], serverErrors: [] };
  for (let n = 0; n < count && !until(); n += 1) {
    const response = await fetch(`${url}/api/me`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ githubHandle: `writer-${client}-${n}`, name: `Writer ${client} (${n})` }),
    });
    const body = await response.text();
    answers.statuses.push(response.status);
    if (response.status >= 500) answers.serverErrors.push(body);
  }
  return answers;
}

function summary(all: Answers[]) {
  const statuses = all.flatMap((answers) => answers.statuses);
  return {
    answered: statuses.length,
    notOk: statuses.filter((status) => status !== 200).length,
    firstErrors: [...new Set(all.flatMap((answers) => answers.serverErrors))].slice(0, 3),
  };
}

/** The titles of a term's catalog as one server process answers them now. */
async function catalogTitles(url: string, termSlug: string): Promise<string[]> {
  const response = await fetch(`${url}/api/terms/${termSlug}/projects?q=harbor`);
  const body = (await response.json()) as { items: Array<{ title: string }> };
  return body.items.map((item) => item.title).sort();
}

describe.each(testDialects())("two server processes on one %s database", (dialect) => {
  let target: TestDatabase;
  let tokens: string[];
  let servers: ServeProcess[] = [];
  beforeAll(async () => {
    ({ target, tokens } = await databaseWithWriters(dialect, 2 * CLIENTS_PER_SERVER));
    servers = await Promise.all([0, 1].map(() => startServeProcess(["--port", "0", "--db", target.url, "--no-demo"])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await target?.dispose();
  });

  it("answer every read-then-write request of clients writing at once", async () => {
    const all = await Promise.all(tokens.map((token, client) => changeProfile(servers[client % 2]?.url ?? "", token, client, REQUESTS_PER_CLIENT)));
    expect(summary(all)).toEqual({ answered: tokens.length * REQUESTS_PER_CLIENT, notOk: 0, firstErrors: [] });
  }, 120_000);

  it("each show a change to a term's catalog within a second of it", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-catalog-change-"));
    const page = path.join(folder, "2024", "02-Jun-Aug", "README.md");
    fs.mkdirSync(path.dirname(page), { recursive: true });
    fs.copyFileSync(path.join(FIXTURE_DIR, "lfx-mentorship", "2024", "02-Jun-Aug", "README.md"), page);
    try {
      expect((await runCli(["import", page, "--program", "lfx", "--db", target.url])).code).toBe(0);
      const terms = (await (await fetch(`${servers[0]?.url}/api/programs/lfx/terms`)).json()) as { items: Array<{ slug: string }> };
      const termSlug = terms.items[0]?.slug ?? "";
      const before = await Promise.all(servers.map((server) => catalogTitles(server.url, termSlug)));
      expect(before[0]).toContain("Harbor CLI");
      expect(before[0]).not.toContain("Harbor command line");
      expect(before[1]).toEqual(before[0]);

      fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("#### Harbor CLI", "#### Harbor command line"));
      expect((await runCli(["import", page, "--program", "lfx", "--db", target.url])).code).toBe(0);
      // The promise under test is a bound in time: once it has passed, the first read must show the change.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const after = await Promise.all(servers.map((server) => catalogTitles(server.url, termSlug)));
      for (const titles of after) expect(titles).toContain("Harbor command line");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.each(testDialects())("several processes writing to one %s database", (dialect) => {
  it("a server answers every request while cohort import writes term pages into the same database", async () => {
    const { target, tokens } = await databaseWithWriters(dialect, CLIENTS_PER_SERVER);
    const url = target.url;
    const server = await startServeProcess(["--port", "0", "--db", url, "--no-demo"]);
    try {
      const pages = ["2024/02-Jun-Aug/README.md", "2026/03-Sep-Nov/README.md"].map((page) => path.join(FIXTURE_DIR, "lfx-mentorship", page));
      let importing = true;
      const imported = runCli(["import", ...pages, "--program", "lfx", "--db", url]).finally(() => {
        importing = false;
      });
      // Clients write for as long as the import runs, with a bound in case it hangs.
      const all = await Promise.all(tokens.map((token, client) => changeProfile(server.url, token, client, MAX_REQUESTS_DURING_IMPORT, () => !importing)));
      const result = await imported;
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
      const answers = summary(all);
      // Below the bound: the clients were still writing when the import finished.
      expect(answers.answered).toBeLessThan(tokens.length * MAX_REQUESTS_DURING_IMPORT);
      expect(answers).toEqual({ answered: answers.answered, notOk: 0, firstErrors: [] });
    } finally {
      await server.stop();
      await target.dispose();
    }
  }, 120_000);
});

describe("a server whose SQLite file another process keeps locked past the busy timeout", () => {
  it("answers 503 DATABASE_UNAVAILABLE and says to try again, never 500", async () => {
    const { target, tokens } = await databaseWithWriters("sqlite", 1);
    const database = await openDatabase(target.url, { busyTimeoutMs: 50 });
    const app = await buildApp({
      context: { config: { ...loadConfig({}), databaseUrl: target.url }, database, now: () => new Date(), baseUrl: () => "http://cohort.test" },
      webRoot: "/nonexistent/cohort-web-dist",
    });
    const location = parseDatabaseUrl(target.url);
    const otherProcess = new SqliteDatabase(location.dialect === "sqlite" ? location.file : "");
    try {
      otherProcess.exec("begin immediate");
      const response = await app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { authorization: `Bearer ${tokens[0]}` },
        payload: { githubHandle: "locked-out" },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE", detail: "The database is busy; try again in a moment." });
      otherProcess.exec("rollback");
      const retried = await app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { authorization: `Bearer ${tokens[0]}` },
        payload: { githubHandle: "locked-out" },
      });
      expect(retried.statusCode).toBe(200);
    } finally {
      otherProcess.close();
      await app.close();
      await database.close();
      await target.dispose();
    }
  });
});
