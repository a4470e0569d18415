import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../../../test/helpers/run-cli.ts";
import { createTerm } from "../../commands/terms/create-term.ts";
import { openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { listAuditEventsFor } from "../../storage/repos/audit-repo.ts";
import { insertProgram } from "../../storage/repos/program-repo.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import { readTermSetupFile } from "../read-term-setup-file.ts";

/** The example file the README documents. */
const EXAMPLE = path.join(REPO_ROOT, "test/fixtures/term-setup/spring-2027.json");
const SYSTEM = { kind: "system", label: "cohort term create" } as const;

let dir: string;
let dbUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-term-"));
  dbUrl = `sqlite:${path.join(dir, "cohort.db")}`;
  const database = await openDatabase(dbUrl);
  try {
    await migrateToLatest(database.db);
    await insertProgram(database.db, { slug: "demo", name: "Demo", timeZone: "America/Los_Angeles", at: new Date() });
  } finally {
    await database.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cohort term create", () => {
  it("creates a draft term from the README's example file, recorded as done by the command", async () => {
    const result = await runCli(["term", "create", EXAMPLE, "--program", "demo", "--db", dbUrl]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `${EXAMPLE}: term 2027-spring created as a draft of demo with 9 timeline rows; only the program's admins see it until one of them publishes it.\n`,
    );
    const database = await openDatabase(dbUrl);
    try {
      const term = await findTermBySlug(database.db, "2027-spring");
      expect(term).toMatchObject({ title: "Spring 2027", publishedAt: null, slotBudget: 40, lengthWeeks: 12, lengthText: "12 weeks" });
      const timeline = await listTimeline(database.db, term?.id ?? 0);
      expect(timeline[0]).toMatchObject({ kind: "proposals", startsAt: "2027-01-05T17:00:00.000Z", endsAt: "2027-01-29T01:00:00.000Z" });
      const audit = await listAuditEventsFor(database.db, "term", term?.id ?? 0);
      expect(audit.map((event) => [event.action, event.actorLabel, event.actorPersonId])).toEqual([["term.created", "cohort term create", null]]);
    } finally {
      await database.close();
    }
  });

  it("refuses a file whose row is malformed with one line naming the row and field", () => {
    const file = path.join(dir, "bad-row.json");
    const example = JSON.parse(fs.readFileSync(EXAMPLE, "utf8"));
    example.timeline[1].startsLocal = "8 Feb 2027 9am";
    fs.writeFileSync(file, JSON.stringify(example));
    expect(() => readTermSetupFile(file)).toThrow(`${file}: timeline row 2, startsLocal: must be a local date and time like 2026-02-04T17:00`);
    fs.writeFileSync(file, "{ not json");
    expect(() => readTermSetupFile(file)).toThrow(/bad-row\.json: is not JSON/);
    expect(() => readTermSetupFile(path.join(dir, "missing.json"))).toThrow(`${path.join(dir, "missing.json")}: no such file`);
  });

  it("refuses a time the clocks skip the way the web form does, naming the row in words", async () => {
    const body = readTermSetupFile(EXAMPLE);
    body.slug = "gap-term";
    const first = body.timeline[0];
    if (first) first.startsLocal = "2027-03-14T02:30";
    const database = await openDatabase(dbUrl);
    try {
      await expect(createTerm({ database, actor: SYSTEM, programSlug: "demo", body, now: new Date() })).rejects.toThrow(
        "Timeline row 1 (Project proposals), start: 2:30 AM does not exist on Sun 14 Mar 2027 in America/Los_Angeles: clocks jump from 2:00 to 3:00 PDT; choose 3:00 or later",
      );
      await expect(createTerm({ database, actor: SYSTEM, programSlug: "nope", body, now: new Date() })).rejects.toThrow('There is no program "nope".');
      expect(await findTermBySlug(database.db, "gap-term")).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
