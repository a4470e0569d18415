import type { Command } from "commander";
import { AppError } from "../../errors/app-error.ts";
import { configFrom } from "../options.ts";

/** `cohort admin create`: bootstrap the first admin of a program. */
export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("administration tasks (bootstrap a program admin)");
  admin
    .command("create")
    .description("make a person (created when new) admin of a program and print a one-time link to set their password")
    .requiredOption("--email <email>", "the admin's email address")
    .requiredOption("--program <slug>", "the program's slug")
    .option("--name <name>", "the admin's name, when the person is new")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print the result as JSON")
    .action(async (flags: { email: string; program: string; name?: string; db?: string; json?: boolean }) => {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(flags.email))
        throw new AppError("INVALID_INPUT", `--email "${flags.email}" is not an email address such as ada@example.org`);
      const config = configFrom({ db: flags.db });
      const { openDatabase } = await import("../../storage/database.ts");
      const { migrateToLatest } = await import("../../storage/migrate.ts");
      const { createProgramAdmin } = await import("../../commands/accounts/create-program-admin.ts");
      const database = await openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db);
        const baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
        const result = await createProgramAdmin({ database, email: flags.email, name: flags.name, programSlug: flags.program, baseUrl, now: new Date() });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${flags.email} is ${result.granted ? "now" : "already"} an admin of ${flags.program}${result.created ? " (new account)" : ""}.\n` +
            (result.setPasswordUrl
              ? `Open this link within 24 hours to set the password (it works once):\n${result.setPasswordUrl}\n`
              : "They sign in as before: their account has a password or a provider account already, and it stays theirs.\n"),
        );
      } finally {
        await database.close();
      }
    });
}
