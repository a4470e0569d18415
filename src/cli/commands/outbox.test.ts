import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/helpers/run-cli.ts";
import { signUp } from "../../commands/accounts/sign-up.ts";
import { openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";

let dir: string;
let dbUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-outbox-"));
  dbUrl = `sqlite:${path.join(dir, "cohort.db")}`;
  const database = await openDatabase(dbUrl);
  try {
    await migrateToLatest(database.db);
    const now = new Date("2026-12-01T12:00:00Z");
    for (const name of ["Ada", "Grace"]) {
      await signUp({
        database,
        name,
        email: `${name.toLowerCase()}@example.org`,
        password: "a long enough password",
        baseUrl: "https://cohort.example.org",
        now,
      });
    }
  } finally {
    await database.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cohort outbox", () => {
  it("lists every queued message, account emails included, newest first, and says how to read one", async () => {
    const result = await runCli(["outbox", "--db", dbUrl]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+STATE\s+CREATED\s+ATTEMPTS\s+TO\s+SUBJECT$/);
    expect(lines[1]).toMatch(/^2\s+pending\s+2026-12-01T12:00:00\.000Z\s+0\s+grace@example\.org\s+\S/);
    expect(lines[2]).toMatch(/^1\s+pending\s+2026-12-01T12:00:00\.000Z\s+0\s+ada@example\.org\s+\S/);
    expect(lines[3]).toBe("2 messages. Read one with its links: cohort outbox show ID");
  });

  it("filters by state and limits the list", async () => {
    expect((await runCli(["outbox", "--state", "sent", "--db", dbUrl])).stdout).toBe("No sent message in the outbox.\n");
    const limited = await runCli(["outbox", "--limit", "1", "--db", dbUrl]);
    expect(limited.stdout).toMatch(/^1 of 2 messages, newest first\. Read one with its links: cohort outbox show ID$/m);
  });

  it("prints one message in full with the link its recipient needs", async () => {
    const result = await runCli(["outbox", "show", "1", "--db", dbUrl]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Message 1 · pending · 0 attempts\nTo: {7}ada@example\.org\nSubject: {2}\S.*\nCreated: {2}2026-12-01T12:00:00\.000Z\n/);
    expect(result.stdout).toMatch(/^https:\/\/cohort\.example\.org\/verify-email#token=\S+$/m);
  });

  it("refuses an unknown or malformed id with one line, and an unknown state as a usage error", async () => {
    const unknown = await runCli(["outbox", "show", "99", "--db", dbUrl]);
    expect([unknown.code, unknown.stderr]).toEqual([1, "cohort: There is no message 99 in the outbox; `cohort outbox` lists them.\n"]);
    const malformed = await runCli(["outbox", "show", "first", "--db", dbUrl]);
    expect([malformed.code, malformed.stderr]).toEqual([1, 'cohort: ID must be a message number from the first column of `cohort outbox`, got "first"\n']);
    const state = await runCli(["outbox", "--state", "lost", "--db", dbUrl]);
    expect(state.code).toBe(2);
    expect(state.stderr).toContain("Allowed choices are pending, sending, sent, failed.");
  });
});
