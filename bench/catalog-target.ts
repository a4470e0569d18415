/**
 * One server under load for `npm run bench:catalog`, in its own process so that the load
 * generator does not share its event loop: `real <database url>` runs Cohort's server;
 * `bare <json file>` runs a bare Fastify route that returns a fixed JSON body.
 */
import fs from "node:fs";
import Fastify from "fastify";
import { loadConfig } from "../src/config/config.ts";
import { startServer } from "../src/server/start.ts";

const [mode, arg] = process.argv.slice(2);
if (mode === "real" && arg) {
  const config = { ...loadConfig({}), databaseUrl: arg, port: 0, logLevel: "error" as const };
  const server = await startServer({ config, migrate: false });
  process.stdout.write(`listening ${server.url}\n`);
} else if (mode === "bare" && arg) {
  const body = fs.readFileSync(arg, "utf8");
  const app = Fastify({ logger: false });
  app.get("/fixed", async (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  process.stdout.write(`listening ${url}\n`);
} else {
  process.stderr.write("usage: catalog-target real <database url> | bare <json file>\n");
  process.exit(2);
}
