import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { AppError } from "../errors/app-error.ts";
import { openDatabase } from "./database.ts";
import { type DatabaseContents, readDatabaseContents } from "./database-contents.ts";
import { redactUrl } from "./database-url.ts";

const DUMP_MAGIC = "PGDMP";

/** True when the file starts with the header of pg_dump's custom format. */
export function isPostgresDump(head: string): boolean {
  return head.startsWith(DUMP_MAGIC);
}

/**
 * Writes a dump of the PostgreSQL database `url` to `file` with `pg_dump --format=custom`, taken
 * while the server keeps writing, and returns what the dump holds: its tables' row counts are
 * read in the snapshot pg_dump is given, so they are the dump's own. The dump goes beside `file`
 * and is renamed into place once pg_dump succeeds.
 */
export async function dumpPostgres(url: string, file: string): Promise<DatabaseContents> {
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const { address, env } = withoutPassword(url);
  const database = await openDatabase(url, { poolSize: 1 });
  try {
    const contents = await database.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        // The snapshot stays exported while this transaction is open, that is until pg_dump is done.
        const snapshot = (await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx)).rows[0]?.snapshot;
        if (!snapshot) throw new AppError("INTERNAL", "PostgreSQL exported no snapshot to dump");
        const counted = await readDatabaseContents(trx);
        await runTool("pg_dump", ["--format=custom", `--snapshot=${snapshot}`, "--file", partial, address], env, url);
        return counted;
      });
    fs.renameSync(partial, file);
    return contents;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.close();
  }
}

/** Restores a custom-format dump into the database `url` with `pg_restore --no-owner`, all or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const { address, env } = withoutPassword(url);
  await runTool("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", address, file], env, url);
}

/** The names of the migrations recorded in a custom-format dump, oldest first, read with pg_restore. */
export async function readDumpMigrations(file: string): Promise<string[]> {
  const script = await runTool("pg_restore", ["--data-only", "--table", "kysely_migration", "--file", "-", file], {}, "");
  const names: string[] = [];
  let inCopy = false;
  for (const line of script.split("\n")) {
    if (/^COPY \S*kysely_migration /.test(line)) inCopy = true;
    else if (line === "\\.") inCopy = false;
    else if (inCopy && line !== "") names.push(line.split("\t")[0] ?? "");
  }
  return names.sort();
}

/** The full path of a program on PATH, or null. */
export function findOnPath(name: string, pathVariable = process.env.PATH ?? ""): string | null {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return null;
}

/** The URL without its password, which goes to the tools through PGPASSWORD so no process list shows it. */
function withoutPassword(url: string): { address: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { address: parsed.toString(), env: password === "" ? {} : { PGPASSWORD: password } };
}

function runTool(name: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<string> {
  const tool = findOnPath(name);
  if (!tool) {
    throw new AppError(
      "INVALID_CONFIG",
      `${name} is not on the PATH; install the PostgreSQL client tools (Debian and Ubuntu: apt-get install postgresql-client) in the version of the server or newer`,
    );
  }
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const said = mask(String(stderr).trim().split("\n").filter(Boolean).slice(-1)[0] ?? error.message, url, env.PGPASSWORD);
      reject(new AppError("INTERNAL", `${name} failed: ${said}`));
    });
  });
}

function mask(text: string, url: string, password: string | undefined): string {
  let masked = url === "" ? text : text.split(url).join(redactUrl(url));
  if (password) masked = masked.split(password).join("***");
  return masked;
}
