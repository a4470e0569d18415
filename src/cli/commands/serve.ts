import type { Command } from "commander";
import { type ConnectionFlags, configFrom, parsePort } from "../options.ts";

/** `cohort serve`: migrate the database and serve the API and web UI until stopped. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the server (migrates the database first)")
    .option("--host <host>", "address to listen on (COHORT_HOST, default 127.0.0.1)")
    .option("--port <port>", "port to listen on; 0 picks a free one (COHORT_PORT, default 3000)", parsePort)
    .option("--db <url>", "database URL (COHORT_DATABASE_URL, default sqlite:./data/cohort.db)")
    .option("--no-migrate", "do not run pending migrations at start")
    .option("--no-demo", "do not load the demo program into an empty database (also COHORT_DEMO=off)")
    .action(async (flags: ConnectionFlags & { migrate: boolean; demo: boolean }) => {
      const config = configFrom(flags);
      // Loaded on use, so `cohort --help` and the other subcommands start fast.
      const { closeOnSignals, startServer } = await import("../../server/start.ts");
      const demo = flags.demo && process.env.COHORT_DEMO !== "off";
      const server = await startServer({ config, migrate: flags.migrate, demo });
      if (server.demoTerms.length > 0) {
        process.stdout.write(`The database was empty: loaded the demo program with terms ${server.demoTerms.join(", ")}.\n`);
      }
      process.stdout.write(`Cohort is listening on ${server.url} (database: ${server.database.label})\n`);
      await closeOnSignals(server, (line) => process.stderr.write(`${line}\n`));
    });
}
