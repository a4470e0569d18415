import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { AppError } from "../errors/app-error.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { inGroupCommit } from "./group-commit.ts";
import type { Db } from "./repos/db.ts";
import { inTransaction } from "./transaction.ts";

async function insert(db: Db, label: string): Promise<string> {
  await sql`insert into group_commit_rows (label) values (${label})`.execute(db);
  return label;
}

async function labels(db: Db): Promise<string[]> {
  const { rows } = await sql<{ label: string }>`select label from group_commit_rows order by label`.execute(db);
  return rows.map((row) => row.label);
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe.each(testDialects())("group commit on %s", (dialect) => {
  let database: DatabaseHandle;
  // A second connection to the same database: what another process (or a reader after a crash) sees.
  let other: DatabaseHandle;
  let file = "";
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    file = target.url.replace(/^sqlite:/, "");
    database = await openDatabase(target.url, { poolSize: 4 });
    await sql`create table group_commit_rows (label text primary key)`.execute(database.db);
    other = await openDatabase(target.url, { poolSize: 4 });
    dispose = async () => {
      await other.close();
      await database.close();
      await target.dispose();
    };
  });
  afterAll(() => dispose());

  beforeEach(async () => {
    await sql`delete from group_commit_rows`.execute(database.db);
  });

  it("commits every one of many concurrent units", async () => {
    const written = await Promise.all(range(300).map((n) => inGroupCommit(database, (db) => insert(db, `row-${String(n).padStart(3, "0")}`))));
    expect(written).toHaveLength(300);
    expect(await labels(other.db)).toEqual([...written].sort());
  });

  it("answers each caller only once another connection can read what its unit wrote", async () => {
    const seenByOther = await Promise.all(
      range(50).map(async (n) => {
        const label = await inGroupCommit(database, (db) => insert(db, `seen-${n}`));
        const { rows } = await sql<{ label: string }>`select label from group_commit_rows where label = ${label}`.execute(other.db);
        return rows.length;
      }),
    );
    expect(seenByOther).toEqual(range(50).map(() => 1));
  });

  it("rolls back a unit that throws alone, and rejects its caller with its own AppError", async () => {
    const refusal = new AppError("LIMIT_REACHED", "You have used 3 of 3 applications.");
    const outcomes = await Promise.allSettled(
      range(20).map((n) =>
        inGroupCommit(database, async (db) => {
          await insert(db, `unit-${n}`);
          if (n === 7) throw refusal;
          return n;
        }),
      ),
    );
    expect(outcomes[7]).toEqual({ status: "rejected", reason: refusal });
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(19);
    const stored = await labels(other.db);
    expect(stored).not.toContain("unit-7");
    expect(stored).toHaveLength(19);
  });

  it("rolls back a unit whose statement fails as a duplicate, and keeps the others of its batch", async () => {
    await inGroupCommit(database, (db) => insert(db, "taken"));
    const outcomes = await Promise.allSettled([
      inGroupCommit(database, (db) => insert(db, "before")),
      inGroupCommit(database, async (db) => {
        await insert(db, "half-written");
        return insert(db, "taken");
      }),
      inGroupCommit(database, (db) => insert(db, "after")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]?.status === "rejected" && outcomes[1].reason).toMatchObject({ name: "AppError", code: "CONFLICT" });
    expect(await labels(other.db)).toEqual(["after", "before", "taken"]);
  });

  it.runIf(dialect === "sqlite")("writes two hundred concurrent units with a handful of WAL frames, not one commit each", async () => {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    await Promise.all(range(200).map((n) => inGroupCommit(database, (db) => insert(db, `frame-${n}`))));
    const { rows } = await sql<{ page_size: number }>`pragma page_size`.execute(database.db);
    const frames = fs.statSync(`${file}-wal`).size / ((rows[0]?.page_size ?? 4096) + 24);
    // One commit per unit writes at least one frame each (200); one shared commit writes the few pages it changed.
    expect(frames).toBeLessThan(20);
    expect(await labels(other.db)).toHaveLength(200);
  });

  it.runIf(dialect === "sqlite")("lets no other transaction of the process run inside a batch", async () => {
    const events: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const unit = inGroupCommit(database, async (db) => {
      events.push("unit begins");
      await insert(db, "in-batch");
      await gate;
      events.push("unit ends");
    });
    while (!events.includes("unit begins")) await new Promise((resolve) => setTimeout(resolve, 1));
    const transaction = inTransaction(database, async (db) => {
      events.push("transaction begins");
      await insert(db, "outside");
    });
    const read = labels(database.db).then((seen) => events.push(`read sees ${seen.join(",")}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(["unit begins"]);
    release();
    await Promise.all([unit, transaction, read]);
    expect(events.slice(0, 2)).toEqual(["unit begins", "unit ends"]);
    expect(events).toContain("transaction begins");
    // The read waited for the batch's commit, so it sees the unit's row.
    expect(events.find((event) => event.startsWith("read sees"))).toMatch(/in-batch/);
  });
});
