import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { inject } from "vitest";
import { type DatabaseHandle, type Dialect, openDatabase } from "../../src/storage/database.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";

/** The engines this run tests: SQLite always, PostgreSQL unless switched off. */
export function testDialects(): Dialect[] {
  return inject("pgUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A fresh, empty database of one engine, and how to throw it away. */
export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/**
 * Creates an empty database: a new SQLite file in a temporary folder, or a new database on
 * the run's PostgreSQL server. Each test file gets its own, so files run in parallel.
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-test-"));
    return {
      url: `sqlite:${path.join(dir, "cohort.db")}`,
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject("pgUrl");
  const name = `cohort_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase(adminUrl, { poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const cleanup = await openDatabase(adminUrl, { poolSize: 1 });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

/** A migrated database, opened, for tests that need the schema. */
export async function openMigratedTestDatabase(dialect: Dialect): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  const target = await createTestDatabase(dialect);
  const handle = await openDatabase(target.url, { poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    handle,
    async dispose() {
      await handle.close();
      await target.dispose();
    },
  };
}
