import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { startServeProcess } from "../../test/helpers/run-cli.ts";
import { startTestSmtpServer } from "../../test/helpers/smtp-server.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { enqueueNotification, listOutbox } from "../storage/repos/outbox-repo.ts";

const MESSAGES = 120;

describe.each(testDialects())("two server processes delivering one %s outbox", (dialect) => {
  it("send every message once", async () => {
    const target = await createTestDatabase(dialect);
    const database = await openDatabase(target.url);
    await migrateToLatest(database.db);
    // A slow SMTP server keeps each worker busy long enough for the other one to poll meanwhile.
    const smtp = await startTestSmtpServer({ answerDelayMs: 150 });
    const env = { COHORT_SMTP_URL: smtp.url };
    const servers = await Promise.all([0, 1].map(() => startServeProcess(["--port", "0", "--db", target.url, "--no-demo"], { env })));
    try {
      const at = new Date();
      for (let n = 0; n < MESSAGES; n += 1) {
        await enqueueNotification(database.db, {
          dedupeKey: `load:${n}`,
          recipientEmail: `person${n}@example.org`,
          subject: `Message ${n}`,
          text: `Body ${n}`,
          at,
        });
      }
      while (smtp.offered.length < MESSAGES) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      // Each server finishes the sends it has in flight before it exits.
      await Promise.all(servers.map((server) => server.stop()));
    }
    try {
      expect(smtp.offered).toHaveLength(MESSAGES);
      expect(new Set(smtp.offered).size).toBe(MESSAGES);
      const sent = await listOutbox(database.db, { state: "sent", limit: MESSAGES, offset: 0 });
      expect(sent.total).toBe(MESSAGES);
    } finally {
      await smtp.close();
      await database.close();
      await target.dispose();
    }
  }, 120_000);
});
