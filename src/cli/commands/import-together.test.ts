import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../../../test/fixtures/termpages/index.ts";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { runCli } from "../../../test/helpers/run-cli.ts";
import type { AuditAction } from "../../domain/audit-actions.ts";
import { openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { listAuditEvents } from "../../storage/repos/audit-repo.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";

const PAGES = ["2024/02-Jun-Aug/README.md", "2026/03-Sep-Nov/README.md"].map((page) => path.join(FIXTURE_DIR, "lfx-mentorship", page));

describe.each(testDialects())("two cohort import runs of the same pages at once on %s", (dialect) => {
  it("both succeed, and the program is created once", async () => {
    const target = await createTestDatabase(dialect);
    const database = await openDatabase(target.url);
    try {
      await migrateToLatest(database.db);
      const runs = await Promise.all([0, 1].map(() => runCli(["import", ...PAGES, "--program", "lfx", "--db", target.url])));
      expect(runs.map((run) => ({ code: run.code, stderr: run.stderr }))).toEqual(runs.map(() => ({ code: 0, stderr: "" })));
      const program = await findProgramBySlug(database.db, "lfx");
      const events = async (action: AuditAction) =>
        (await listAuditEvents(database.db, { programId: program?.id ?? 0, action }, { limit: 100, offset: 0 })).total;
      expect({ created: await events("program.created"), imported: await events("term.imported") }).toEqual({ created: 1, imported: 2 * PAGES.length });
    } finally {
      await database.close();
      await target.dispose();
    }
  }, 120_000);
});
