/**
 * One server under load for `npm run bench:surge`, in its own process so that the load
 * generator does not share its event loop:
 *
 * - `real <database url>` runs Cohort's server on a seeded database;
 * - `bare <sqlite:FILE | postgres url> <full|normal>` runs a bare Fastify route, POST /submit,
 *   that parses the same JSON body and inserts one row per request, one commit each: on SQLite
 *   in WAL mode with synchronous=FULL or NORMAL, on PostgreSQL with synchronous_commit on or off.
 */
import SqliteDatabase from "better-sqlite3";
import Fastify from "fastify";
import pg from "pg";
import { loadConfig } from "../src/config/config.ts";
import { startServer } from "../src/server/start.ts";

const [mode, url, durability] = process.argv.slice(2);

/** Stores one request's body, committed before the promise resolves. */
type Insert = (person: string, body: string, at: string) => Promise<void>;

async function bareStore(databaseUrl: string, full: boolean): Promise<Insert> {
  if (databaseUrl.startsWith("sqlite:")) {
    const connection = new SqliteDatabase(databaseUrl.slice("sqlite:".length));
    connection.pragma("journal_mode = WAL");
    connection.pragma(`synchronous = ${full ? "FULL" : "NORMAL"}`);
    connection.exec("create table if not exists submissions (id integer primary key, person text not null, body text not null, received_at text not null)");
    const insert = connection.prepare("insert into submissions (person, body, received_at) values (?, ?, ?)");
    return async (person, body, at) => {
      insert.run(person, body, at);
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: `-c synchronous_commit=${full ? "on" : "off"}` });
  await pool.query(
    "create table if not exists submissions (id bigserial primary key, person text not null, body text not null, received_at timestamptz not null)",
  );
  return async (person, body, at) => {
    await pool.query("insert into submissions (person, body, received_at) values ($1, $2, $3)", [person, body, at]);
  };
}

if (mode === "real" && url) {
  const config = { ...loadConfig({}), databaseUrl: url, host: "127.0.0.1", port: 0, logLevel: "error" as const };
  const server = await startServer({ config, migrate: false });
  process.stdout.write(`listening ${server.url}\n`);
  // SIGTERM closes gracefully, so that a --cpu-prof profile is written.
  process.once("SIGTERM", () => {
    void server.close().then(() => process.exit(0));
  });
} else if (mode === "bare" && url && (durability === "full" || durability === "normal")) {
  const insert = await bareStore(url, durability === "full");
  const app = Fastify({ logger: false });
  app.post("/submit", async (request, reply) => {
    await insert(String(request.headers["idempotency-key"] ?? ""), JSON.stringify(request.body), new Date().toISOString());
    return reply.code(201).send({ ok: true });
  });
  const listening = await app.listen({ host: "127.0.0.1", port: 0 });
  process.stdout.write(`listening ${listening}\n`);
  process.once("SIGTERM", () => {
    void app.close().then(() => process.exit(0));
  });
} else {
  process.stderr.write("usage: surge-target real <database url> | bare <sqlite:FILE | postgres url> <full|normal>\n");
  process.exit(2);
}
