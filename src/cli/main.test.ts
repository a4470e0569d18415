import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { runCli, startServeProcess } from "../../test/helpers/run-cli.ts";
import { VERSION } from "../version.ts";

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-cli-"));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe("cohort --help and --version", () => {
  it("lists the subcommands", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate"]) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("prints the version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it("explains every subcommand's options", async () => {
    const serve = await runCli(["serve", "--help"]);
    expect(serve.stdout).toContain("--port <port>");
    const status = await runCli(["migrate", "status", "--help"]);
    expect(status.stdout).toContain("--db <url>");
  });
});

describe("wrong input gives one clear line and a non-zero exit", () => {
  it("an unknown flag", async () => {
    const result = await runCli(["serve", "--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown option '--bogus'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown subcommand", async () => {
    const result = await runCli(["serv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'serv'[\s\S]*serve/);
  });

  it("a port that is not a number", async () => {
    const result = await runCli(["serve", "--port", "eighty"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("must be a whole number from 0 to 65535");
  });

  it("a database URL of an engine Cohort does not support", async () => {
    const result = await runCli(["migrate", "status", "--db", "mysql://root@localhost/cohort"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'cohort: --db must start with sqlite: (e.g. sqlite:./data/cohort.db) or postgres:// (e.g. postgres://user:pass@host:5432/cohort) (got "mysql://root@localhost/cohort")\n',
    );
  });

  it("a bad COHORT_PORT names the variable", async () => {
    const result = await runCli(["serve"], { env: { COHORT_PORT: "70000" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('cohort: COHORT_PORT must be a whole number from 0 to 65535 (got "70000")\n');
  });

  it("a file that is not an SQLite database is refused and left untouched", async () => {
    const file = path.join(workDir, "notes.db");
    fs.writeFileSync(file, "these are my notes, not a database\n");
    const result = await runCli(["serve", "--port", "0", "--db", `sqlite:${file}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`cohort: Cannot open the SQLite database ${file}: the file is not an SQLite database\n`);
    expect(fs.readFileSync(file, "utf8")).toBe("these are my notes, not a database\n");
  });

  it("a folder given as the database file", async () => {
    const result = await runCli(["migrate", "--db", `sqlite:${workDir}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cohort: Cannot open the SQLite database .*: the file cannot be opened/);
  });

  it("a PostgreSQL server that does not answer, without showing the password", async () => {
    const result = await runCli(["migrate", "status", "--db", "postgres://cohort:s3cret@127.0.0.1:1/cohort"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "cohort: Cannot reach the PostgreSQL database postgres://cohort:***@127.0.0.1:1/cohort: connection refused (is the server running, and is the host and port right?)\n",
    );
  });
});

describe("cohort serve", () => {
  it("listens on the default SQLite file, answers probes and stops gracefully on SIGTERM", async () => {
    const cwd = fs.mkdtempSync(path.join(workDir, "serve-"));
    const server = await startServeProcess(["--port", "0"], { cwd });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready", database: "sqlite" });
    expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200);
    expect(fs.existsSync(path.join(cwd, "data/cohort.db"))).toBe(true);
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output()).toContain("finishing requests in flight");
  });

  it("refuses a port that is already in use", async () => {
    const cwd = fs.mkdtempSync(path.join(workDir, "busy-"));
    const first = await startServeProcess(["--port", "0"], { cwd });
    const port = new URL(first.url).port;
    const second = await runCli(["serve", "--port", port, "--db", `sqlite:${path.join(cwd, "other.db")}`], { cwd });
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `cohort: Port ${port} on 127.0.0.1 is already in use; stop the other process or choose another port with --port or COHORT_PORT.\n`,
    );
    expect(await first.stop("SIGINT")).toBe(0);
  });
});

describe.each(testDialects())("cohort migrate on %s", (dialect) => {
  it("shows pending migrations, applies them, then reports up to date", async () => {
    const target = await createTestDatabase(dialect);
    try {
      const before = await runCli(["migrate", "status", "--db", target.url]);
      expect(before.code).toBe(0);
      expect(before.stdout).toMatch(/pending: run cohort migrate up/);
      const up = await runCli(["migrate", "up", "--db", target.url]);
      expect(up.stdout).toMatch(/^applied \d{14}-create-programs-and-terms$/m);
      const after = await runCli(["migrate", "status", "--json"], { env: { COHORT_DATABASE_URL: target.url } });
      const status = JSON.parse(after.stdout) as Array<{ executedAt: string | null }>;
      expect(status.length).toBeGreaterThan(0);
      expect(status.every((migration) => migration.executedAt)).toBe(true);
    } finally {
      await target.dispose();
    }
  });
});
