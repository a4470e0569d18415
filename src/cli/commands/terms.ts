import type { Command } from "commander";
import { configFrom } from "../options.ts";
import { readTermSetupFile } from "../read-term-setup-file.ts";

/** `cohort term create`: a term set up from a JSON file, for scripted setups. */
export function registerTermCommands(program: Command): void {
  const term = program.command("term").description("set up terms in Cohort (create one from a JSON file)");
  term
    .command("create")
    .description("create a draft term of a program from a JSON file of its settings and timeline (the shape of POST /api/programs/{program}/terms)")
    .argument("<file>", 'the term\'s setup as JSON (see the README, "cohort term create")')
    .requiredOption("--program <slug>", "the program's slug")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print the created term as JSON")
    .action(async (file: string, flags: { program: string; db?: string; json?: boolean }) => {
      const body = readTermSetupFile(file);
      const config = configFrom({ db: flags.db });
      const { openDatabase } = await import("../../storage/database.ts");
      const { migrateToLatest } = await import("../../storage/migrate.ts");
      const { createTerm } = await import("../../commands/terms/create-term.ts");
      const database = await openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db);
        const created = await createTerm({
          database,
          actor: { kind: "system", label: "cohort term create" },
          programSlug: flags.program,
          body,
          now: new Date(),
        });
        const { term, program: owner, timeline } = created;
        if (flags.json) {
          const rows = timeline.map(({ kind, activity, text, startsAt, endsAt }) => ({ kind, activity, text, startsAt, endsAt }));
          const shown = { slug: term.slug, program: owner.slug, title: term.title, timeZone: term.timeZone, published: false, timeline: rows };
          process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${file}: term ${term.slug} created as a draft of ${owner.slug} with ${timeline.length} timeline ${timeline.length === 1 ? "row" : "rows"}; ` +
            "only the program's admins see it until one of them publishes it.\n",
        );
      } finally {
        await database.close();
      }
    });
}
