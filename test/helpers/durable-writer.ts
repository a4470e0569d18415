/**
 * A child process for the durability test: opens the database as the server does, then
 * commits audit events one transaction at a time and prints "ack <id>" only after each commit
 * returned, exactly when a server would answer success. The test kills it with SIGKILL.
 */
import { openDatabase } from "../../src/storage/database.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { recordAuditEvent } from "../../src/storage/repos/audit-repo.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: durable-writer <database url>");
const database = await openDatabase(url, { poolSize: 4 });
await migrateToLatest(database.db);
process.stdout.write("ready\n");
for (let n = 1; ; n += 1) {
  const row = await database.db.transaction().execute((trx) =>
    recordAuditEvent(trx, {
      programId: null,
      actor: { personId: null, label: "durability test" },
      action: "test.write",
      objectType: "test",
      objectId: n,
      changes: { n },
      at: new Date(),
    }),
  );
  process.stdout.write(`ack ${row.id}\n`);
}
