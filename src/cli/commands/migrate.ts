import type { Command } from "commander";
import { configFrom } from "../options.ts";

/** `cohort migrate [up|status|down]`: bring the database schema up to date, or show where it is. */
export function registerMigrate(program: Command): void {
  const migrate = program.command("migrate").description("run database migrations (up, status, down)");

  // Storage is loaded on use, so `cohort --help` starts fast.
  const withDb = async (flags: { db?: string }) => {
    const { openDatabase } = await import("../../storage/database.ts");
    return openDatabase(configFrom({ db: flags.db }).databaseUrl);
  };
  const migrations = () => import("../../storage/migrate.ts");

  migrate
    .command("up", { isDefault: true })
    .description("run every pending migration")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .action(async (flags: { db?: string }) => {
      const database = await withDb(flags);
      try {
        const { applied } = await (await migrations()).migrateToLatest(database.db);
        process.stdout.write(applied.length === 0 ? "The database is up to date.\n" : applied.map((name) => `applied ${name}\n`).join(""));
      } finally {
        await database.close();
      }
    });

  migrate
    .command("status")
    .description("list the migrations and whether each has run")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print JSON")
    .action(async (flags: { db?: string; json?: boolean }) => {
      const database = await withDb(flags);
      try {
        const status = await (await migrations()).migrationStatus(database.db);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        for (const migration of status) {
          process.stdout.write(`${migration.executedAt ? `ran ${migration.executedAt}` : "pending".padEnd(28)}  ${migration.name}\n`);
        }
        const pending = status.filter((migration) => !migration.executedAt).length;
        process.stdout.write(pending === 0 ? "Up to date.\n" : `${pending} pending: run cohort migrate up\n`);
      } finally {
        await database.close();
      }
    });

  migrate
    .command("down")
    .description("undo the most recent migration (development only: it may drop data)")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .action(async (flags: { db?: string }) => {
      const database = await withDb(flags);
      try {
        const { applied } = await (await migrations()).migrateDown(database.db);
        process.stdout.write(applied.length === 0 ? "Nothing to undo.\n" : applied.map((name) => `undid ${name}\n`).join(""));
      } finally {
        await database.close();
      }
    });
}
