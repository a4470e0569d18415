import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/helpers/run-cli.ts";
import { demoTermPages } from "../../demo/demo-term-pages.ts";
import { openDatabase } from "../../storage/database.ts";
import { findPersonByEmail, insertAccount } from "../../storage/repos/account-repo.ts";
import { listGrantsOf } from "../../storage/repos/role-repo.ts";

let dir: string;
let dbUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-admin-"));
  dbUrl = `sqlite:${path.join(dir, "cohort.db")}`;
  const page = path.join(dir, "2026", "02-demo", "README.md");
  fs.mkdirSync(path.dirname(page), { recursive: true });
  fs.writeFileSync(page, demoTermPages(new Date())[1]?.markdown ?? "");
  const imported = await runCli(["import", page, "--program", "demo", "--db", dbUrl]);
  if (imported.code !== 0) throw new Error(imported.stderr);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cohort admin create", () => {
  it("makes a new person admin of the program and prints a one-time link to set the password", async () => {
    const result = await runCli(["admin", "create", "--email", "boss@example.org", "--program", "demo", "--name", "The Boss", "--db", dbUrl]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^boss@example\.org is now an admin of demo \(new account\)\.$/m);
    expect(result.stdout).toMatch(/^http:\/\/127\.0\.0\.1:3000\/reset-password#token=cohort_reset_[\w-]{43}$/m);
    const database = await openDatabase(dbUrl);
    try {
      const person = await findPersonByEmail(database.db, "boss@example.org");
      expect(person?.name).toBe("The Boss");
      expect((await listGrantsOf(database.db, person?.id ?? 0)).map((grant) => grant.role)).toEqual(["program_admin"]);
    } finally {
      await database.close();
    }
  });

  it("running it again grants nothing twice", async () => {
    const result = await runCli(["admin", "create", "--email", "BOSS@example.org", "--program", "demo", "--db", dbUrl, "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: false, granted: false });
  });

  it("prints no password link for someone who can sign in already, and leaves their password alone", async () => {
    const database = await openDatabase(dbUrl);
    try {
      const at = new Date();
      await insertAccount(database.db, { name: "Ada", email: "ada@example.org", passwordHash: "scrypt$stored", emailVerifiedAt: at.toISOString(), at });
    } finally {
      await database.close();
    }
    const result = await runCli(["admin", "create", "--email", "ada@example.org", "--program", "demo", "--db", dbUrl]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "ada@example.org is now an admin of demo.\nThey sign in as before: their account has a password or a provider account already, and it stays theirs.\n",
    );
    const after = await openDatabase(dbUrl);
    try {
      expect((await findPersonByEmail(after.db, "ada@example.org"))?.passwordHash).toBe("scrypt$stored");
    } finally {
      await after.close();
    }
  });

  it("refuses an unknown program and a malformed email with one line each", async () => {
    const unknown = await runCli(["admin", "create", "--email", "x@example.org", "--program", "nope", "--db", dbUrl]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('cohort: There is no program "nope"; import one of its term pages first (cohort import FILE --program nope).\n');
    const malformed = await runCli(["admin", "create", "--email", "not-an-email", "--program", "demo", "--db", dbUrl]);
    expect(malformed.stderr).toBe('cohort: --email "not-an-email" is not an email address such as ada@example.org\n');
  });
});
