import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { type ServeProcess, startServeProcess } from "../../test/helpers/run-cli.ts";
import { openDatabase } from "../storage/database.ts";
import { migrationStatus } from "../storage/migrate.ts";
import { MIGRATIONS } from "../storage/migrations/index.ts";

const ROUNDS = 2;
const PROCESSES = 2;

describe.each(testDialects())("server processes started together on a new %s database", (dialect) => {
  it("all listen, each migration runs once and the demo program is loaded once", async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const target = await createTestDatabase(dialect);
      const started = await Promise.allSettled(Array.from({ length: PROCESSES }, () => startServeProcess(["--port", "0", "--db", target.url])));
      const servers = started.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
      try {
        const failures = started.flatMap((outcome) => (outcome.status === "rejected" ? [String((outcome.reason as Error).message)] : []));
        expect({ round, failures }).toEqual({ round, failures: [] });
        const health = await Promise.all(servers.map((server) => fetch(`${server.url}/readyz`).then((response) => response.status)));
        expect(health).toEqual(servers.map(() => 200));
      } finally {
        await Promise.all(servers.map((server: ServeProcess) => server.stop()));
      }

      const database = await openDatabase(target.url);
      try {
        const status = await migrationStatus(database.db);
        expect(status.filter((migration) => migration.executedAt !== null).map((migration) => migration.name)).toEqual(Object.keys(MIGRATIONS));
        const programs = await database.db.selectFrom("programs").select("slug").execute();
        expect(programs).toEqual([{ slug: "demo" }]);
        const created = await database.db.selectFrom("auditEvents").select("id").where("action", "=", "program.created").execute();
        expect(created).toHaveLength(1);
      } finally {
        await database.close();
        await target.dispose();
      }
    }
  }, 120_000);
});
