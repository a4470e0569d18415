import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { openDatabase } from "./database.ts";

const root = path.resolve(import.meta.dirname, "../..");
const WRITER = path.join(root, "test/helpers/durable-writer.ts");

/** Runs the writer until it has acknowledged `count` writes, then kills it with SIGKILL mid-write. */
function writeThenKill(url: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, url], { stdio: ["ignore", "pipe", "pipe"] });
    const acked: number[] = [];
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("ack ")) acked.push(Number(line.slice(4)));
      }
      if (acked.length >= count && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(acked);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe.each(testDialects())("durability on %s", (dialect) => {
  it("keeps every acknowledged write after the process is killed with SIGKILL", async () => {
    const target = await createTestDatabase(dialect);
    try {
      const acked = await writeThenKill(target.url, 300);
      expect(acked.length).toBeGreaterThanOrEqual(300);
      const database = await openDatabase(target.url);
      try {
        const rows = await database.db.selectFrom("auditEvents").select("id").where("action", "=", "test.write").execute();
        const stored = new Set(rows.map((row) => row.id));
        expect(acked.filter((id) => !stored.has(id))).toEqual([]);
        if (dialect === "sqlite") {
          const check = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(database.db);
          expect(check.rows[0]?.integrityCheck).toBe("ok");
        }
      } finally {
        await database.close();
      }
    } finally {
      await target.dispose();
    }
  });
});
