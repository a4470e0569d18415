import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { runCli } from "../../../test/helpers/run-cli.ts";
import { backUpDatabase } from "../../commands/backups/back-up-database.ts";
import { restoreDatabase } from "../../commands/backups/restore-database.ts";
import { type DatabaseHandle, type Dialect, openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { MIGRATIONS } from "../../storage/migrations/index.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";

const LATEST = Object.keys(MIGRATIONS).sort().at(-1) ?? "";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-backup-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Inserts audit events one after another until stopped, recording when each insert was acknowledged. */
function startWriting(database: DatabaseHandle) {
  const acks: { id: number; at: number }[] = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const row = await recordAuditEvent(database.db, {
        programId: null,
        actor: { personId: null, label: "burst" },
        action: "account.signed_up",
        objectType: "burst",
        objectId: acks.length,
        changes: {},
        at: new Date(),
      });
      acks.push({ id: row.id, at: performance.now() });
      await yieldToEventLoop();
    }
  })();
  const until = async (count: number) => {
    while (acks.length < count) await yieldToEventLoop();
  };
  return {
    acks,
    until,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

async function idsIn(url: string): Promise<number[]> {
  const database = await openDatabase(url);
  try {
    return (await database.db.selectFrom("auditEvents").select("id").orderBy("id").execute()).map((row) => row.id);
  } finally {
    await database.close();
  }
}

describe.each(testDialects())("cohort backup and cohort restore on %s", (dialect) => {
  const extension = dialect === "sqlite" ? "db" : "dump";

  it("backs up during a burst of writes; the restore holds every write acknowledged before the backup began, and nothing unacknowledged", async () => {
    const source = await migratedSource(dialect);
    const target = await createTestDatabase(dialect);
    const file = path.join(dir, `burst-${dialect}.${extension}`);
    try {
      const sourceUrl = source.url;
      const writer = startWriting(source.handle);
      await writer.until(20);
      const backupBegan = performance.now();
      const backup = await runCli(["backup", file, "--db", sourceUrl]);
      await writer.until(writer.acks.length + 10);
      await writer.stop();
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(dialect === "sqlite" ? "SQLite: online backup API" : "PostgreSQL: pg_dump in the custom format");
      expect(backup.stdout).toContain(`Migration version: ${LATEST}`);

      const restore = await runCli(["restore", file, "--db", target.url]);
      expect(restore.code, restore.stderr).toBe(0);
      if (dialect === "sqlite") expect(restore.stdout).toContain("Integrity check: ok.");
      expect(restore.stdout).toContain(`Migration version: ${LATEST} (up to date).`);
      // The rows the backup counted are the rows the restore finds.
      const auditRows = (output: string) => /^ {2}audit_events\s+(\d+)$/m.exec(output)?.[1];
      expect(auditRows(restore.stdout)).toMatch(/^\d+$/);
      expect(auditRows(backup.stdout)).toBe(auditRows(restore.stdout));

      const restored = await idsIn(target.url);
      const acknowledged = new Set(writer.acks.map((ack) => ack.id));
      const before = writer.acks.filter((ack) => ack.at < backupBegan).map((ack) => ack.id);
      expect(before.length).toBeGreaterThanOrEqual(20);
      expect(restored).toEqual(expect.arrayContaining(before));
      expect(restored.filter((id) => !acknowledged.has(id))).toEqual([]);
      expect(restored.length).toBeLessThan(writer.acks.length);
    } finally {
      await source.dispose();
      await target.dispose();
    }
  });

  describe("refusals", () => {
    let source: Awaited<ReturnType<typeof migratedSource>>;
    let sourceUrl: string;
    let file: string;
    const targets: TestDatabase[] = [];
    const emptyTarget = async () => {
      const target = await createTestDatabase(dialect);
      targets.push(target);
      return target.url;
    };
    beforeAll(async () => {
      source = await migratedSource(dialect);
      sourceUrl = source.url;
      file = path.join(dir, `refusals-${dialect}.${extension}`);
      await backUpDatabase({ databaseUrl: sourceUrl, file });
    });
    afterAll(async () => {
      await source.dispose();
      for (const target of targets) await target.dispose();
    });

    it("an existing backup file, unless --force", async () => {
      await expect(backUpDatabase({ databaseUrl: sourceUrl, file })).rejects.toThrow(
        `${file} exists already; choose another file or pass --force to replace it`,
      );
      const again = await backUpDatabase({ databaseUrl: sourceUrl, file, force: true });
      expect(again).toMatchObject({ engine: dialect, file, version: LATEST });
    });

    it("a missing file and a file that is not a backup, with one line and exit 1", async () => {
      const missing = await runCli(["restore", path.join(dir, "nothing-here"), "--db", await emptyTarget()]);
      expect([missing.code, missing.stderr]).toEqual([1, `cohort: There is no backup file ${path.join(dir, "nothing-here")}\n`]);
      const notes = path.join(dir, "notes.txt");
      fs.writeFileSync(notes, "not a backup\n");
      const wrong = await runCli(["restore", notes, "--db", await emptyTarget()]);
      expect([wrong.code, wrong.stderr]).toEqual([
        1,
        `cohort: ${notes} is neither an SQLite database nor a pg_dump file in the custom format; give a file cohort backup wrote\n`,
      ]);
    });

    it("a target that is not empty, naming what is in it", async () => {
      await expect(restoreDatabase({ databaseUrl: sourceUrl, file })).rejects.toThrow(
        new RegExp(`is not empty \\(\\d+ tables, migrations up to ${LATEST}\\); restore into a new, empty database$`),
      );
    });

    it("a backup from a newer version; an older one restores and says cohort migrate brings it up", async () => {
      await sql`insert into kysely_migration (name, timestamp) values ('29990101000000-from-the-future', '2999-01-01T00:00:00.000Z')`.execute(source.handle.db);
      const newer = path.join(dir, `newer-${dialect}.${extension}`);
      await backUpDatabase({ databaseUrl: sourceUrl, file: newer });
      await expect(restoreDatabase({ databaseUrl: await emptyTarget(), file: newer })).rejects.toThrow(
        `${newer} comes from a newer version of Cohort (migration 29990101000000-from-the-future; this version knows up to ${LATEST}); restore it with that version or a newer one`,
      );
      await sql`delete from kysely_migration where name >= ${LATEST}`.execute(source.handle.db);
      const older = path.join(dir, `older-${dialect}.${extension}`);
      await backUpDatabase({ databaseUrl: sourceUrl, file: older });
      const restored = await runCli(["restore", older, "--db", await emptyTarget()]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/; 1 newer migrations to run: cohort migrate will bring it up to /);
    });
  });
});

describe("cohort backup on PostgreSQL without a server", () => {
  it("never prints the password of the URL", async () => {
    const result = await runCli(["backup", path.join(dir, "unreachable.dump"), "--db", "postgres://cohort:hunter2@127.0.0.1:1/cohort"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cohort: Cannot reach the PostgreSQL database postgres:\/\/cohort:\*\*\*@127\.0\.0\.1:1\/cohort: connection refused .+\n$/);
    expect(result.stderr).not.toContain("hunter2");
  });
});

/** A migrated database of one engine, opened, with its URL. */
async function migratedSource(dialect: Dialect): Promise<{ url: string; handle: DatabaseHandle; dispose(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const handle = await openDatabase(database.url, { poolSize: 2 });
  await migrateToLatest(handle.db);
  return {
    url: database.url,
    handle,
    async dispose() {
      await handle.close();
      await database.dispose();
    },
  };
}
