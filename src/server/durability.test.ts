import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { startServeProcess } from "../../test/helpers/run-cli.ts";
import { openDatabase } from "../storage/database.ts";
import { findPersonByEmail } from "../storage/repos/account-repo.ts";
import { listApiTokens } from "../storage/repos/api-token-repo.ts";
import { listOutbox } from "../storage/repos/outbox-repo.ts";

describe.each(testDialects())("the server killed with SIGKILL on %s", (dialect) => {
  it("loses no write it answered with success", async () => {
    const target = await createTestDatabase(dialect);
    const server = await startServeProcess(["--port", "0", "--db", target.url, "--no-demo"]);
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

    // Sign up and confirm one person, reading the link from the outbox as their mailbox would.
    await post("/api/auth/signup", { name: "Writer", email: "writer@example.org", password: "a long enough password" });
    const reader = await openDatabase(target.url);
    const { items } = await listOutbox(reader.db, { limit: 5, offset: 0 });
    await reader.close();
    const token = items[0]?.bodyText.match(/#token=([\w-]+)/)?.[1] ?? "";
    const verified = await post("/api/auth/verify", { token });
    const browser = {
      cookie: verified.headers.get("set-cookie")?.split(";")[0] ?? "",
      "x-csrf-token": ((await verified.json()) as { csrfToken: string }).csrfToken,
    };

    // Four writers create API tokens until the server dies under them.
    const acknowledged: number[] = [];
    let killed = false;
    const writeUntilKilled = async (writer: number) => {
      for (let n = 0; !killed; n += 1) {
        try {
          const response = await post("/api/me/tokens", { name: `w${writer}-${n}`, scope: "read" }, browser);
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        } catch {
          // The connection died with the server: that write was never acknowledged.
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writeUntilKilled);
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop("SIGKILL");
    killed = true;
    await Promise.all(writers);

    const database = await openDatabase(target.url);
    try {
      const person = await findPersonByEmail(database.db, "writer@example.org");
      const stored = new Set((await listApiTokens(database.db, person?.id ?? 0)).map((row) => row.id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await database.close();
      await target.dispose();
    }
  }, 60_000);
});
