import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { isAppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { signUp } from "../accounts/sign-up.ts";
import { listOutboxMessages } from "./list-outbox-messages.ts";
import { readOutboxMessage } from "./read-outbox-message.ts";

const NOW = new Date("2026-12-01T12:00:00Z");

describe.each(testDialects())("the operator's outbox (commands) on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle: database, dispose } = await openMigratedTestDatabase(dialect));
    for (const name of ["Ada", "Grace"]) {
      await signUp({
        database,
        name,
        email: `${name.toLowerCase()}@example.org`,
        password: "a long enough password",
        baseUrl: "https://cohort.example.org",
        now: NOW,
      });
    }
  });
  afterAll(() => dispose());

  it("lists account emails, which no program admin may read, newest first", async () => {
    const page = await listOutboxMessages({ database, limit: 50 });
    expect(page.total).toBe(2);
    expect(page.items.map((message) => [message.recipientEmail, message.state, message.programId])).toEqual([
      ["grace@example.org", "pending", null],
      ["ada@example.org", "pending", null],
    ]);
    expect((await listOutboxMessages({ database, state: "sent", limit: 50 })).total).toBe(0);
    expect((await listOutboxMessages({ database, limit: 1 })).items).toHaveLength(1);
  });

  it("reads one message in full, with the confirmation link its reader needs", async () => {
    const [latest] = (await listOutboxMessages({ database, limit: 1 })).items;
    const message = await readOutboxMessage({ database, id: latest?.id ?? 0 });
    expect(message.recipientEmail).toBe("grace@example.org");
    expect(message.bodyText).toMatch(/https:\/\/cohort\.example\.org\/verify-email#token=\S+/);
  });

  it("answers an unknown id with NOT_FOUND naming the command that lists them", async () => {
    const refusal = await readOutboxMessage({ database, id: 999_999 }).catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe("NOT_FOUND");
    expect(isAppError(refusal) && refusal.message).toBe("There is no message 999999 in the outbox; `cohort outbox` lists them.");
  });
});
