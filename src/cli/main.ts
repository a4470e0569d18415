import { Command, CommanderError } from "commander";
import { isAppError } from "../errors/app-error.ts";
import { VERSION } from "../version.ts";
import { registerAdmin } from "./commands/admin.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerOutbox } from "./commands/outbox.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTermPageCommands } from "./commands/term-pages.ts";
import { registerTermCommands } from "./commands/terms.ts";

/** Builds the `cohort` command line with every subcommand. */
export function buildCli(): Command {
  const program = new Command("cohort")
    .description("Cohort runs open source mentorship programs: terms, timelines, projects, applications.")
    .version(VERSION, "-v, --version", "print the version")
    .showHelpAfterError("(run with --help for usage)")
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerTermPageCommands(program);
  registerTermCommands(program);
  registerAdmin(program);
  registerOutbox(program);
  registerBackup(program);
  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run cohort ${command.name()} --help for usage)`);
  return program;
}

/**
 * Runs the CLI and exits: 0 on success, 1 when the work failed (one line on stderr that says
 * what to fix), 2 on a usage error. Stack traces are never printed.
 */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message already; help and --version exit 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`cohort: ${isAppError(error) ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`}\n`);
    process.exitCode = 1;
  }
}

// A reader that closes the pipe early (`cohort parse … | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

await runCli(process.argv.slice(2));
