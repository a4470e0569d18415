import fs from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import type { ImportTermPageResult } from "../../commands/term-pages/import-term-page.ts";
import { slugify, termSlugFromPath } from "../../domain/slug.ts";
import { AppError, isAppError } from "../../errors/app-error.ts";
import type { ParsedTermPage } from "../../termpages/types.ts";
import { configFrom } from "../options.ts";
import { createProgress } from "../progress.ts";
import { readPageFile } from "../read-page-file.ts";

/** The term-page library, loaded on use so that `cohort --help` starts fast. */
const termPages = () => import("../../termpages/index.ts");

interface PageOptions {
  timeZone?: string;
  year?: number;
}

/** Reads and parses one file; a file that is not a term page becomes an AppError with one line. */
async function parseFile(file: string, options: PageOptions): Promise<ParsedTermPage> {
  const markdown = readPageFile(file);
  const { parseTermPage, TermPageError } = await termPages();
  try {
    return parseTermPage(markdown, { fileName: file, now: new Date(), ...options });
  } catch (error) {
    if (error instanceof TermPageError) {
      throw new AppError("INVALID_TERM_PAGE", error.message.startsWith(file) ? error.message : `${file}: ${error.message}`);
    }
    throw error;
  }
}

/** Reads one file into what importTermPage needs: the parsed page, its term's slug and its projects' state. */
async function pageImportOf(file: string, flags: PageOptions & { program: string; programName?: string; term?: string; proposed?: boolean }) {
  const page = await parseFile(file, flags);
  const termSlug = flags.term ?? termSlugFromPath(path.resolve(file)) ?? slugify(page.title);
  if (!termSlug) throw new AppError("INVALID_INPUT", `${file}: cannot name the term from its path or title; give --term SLUG`);
  const proposed = flags.proposed === true || path.basename(file).toLowerCase() === "project_ideas.md";
  return {
    page,
    programSlug: flags.program,
    programName: flags.programName,
    termSlug,
    projectState: proposed ? ("proposed" as const) : ("accepted" as const),
    actor: { personId: null, label: "cohort import" },
    now: new Date(),
  };
}

/** The line `cohort import` prints for a file it imported. */
function importedLine(entry: { file: string } & ImportTermPageResult): string {
  return (
    `${entry.file}: term ${entry.term.slug} ${entry.term.created ? "created" : "updated"}; ` +
    `${entry.organizations.created + entry.organizations.updated} organizations, ` +
    `${entry.projects.created} projects created, ${entry.projects.updated} updated, ` +
    `${entry.mentors.created} mentors created, ${entry.mentors.matched} matched, ${entry.timeline} timeline rows` +
    entry.notes.map((note) => `\n  note: ${note}`).join("")
  );
}

const zoneOption = () => new Option("--time-zone <zone>", "the term's IANA time zone (default America/Los_Angeles)");
const yearOption = () => new Option("--year <year>", "year of dates written without one (default: from the title or path)").argParser(parseYear);

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value)) throw new AppError("INVALID_INPUT", `--year must be a four-digit year, got "${value}"`);
  return year;
}

/** `cohort parse`, `cohort lint`, `cohort import` and `cohort export`: the program's Markdown term pages. */
export function registerTermPageCommands(program: Command): void {
  program
    .command("parse")
    .description("read a term page and print what Cohort understands of it")
    .argument("<file>", "a term page (README.md, project_ideas.md, ...)")
    .option("--json", "print one JSON document (the default; kept for scripts)")
    .addOption(zoneOption())
    .addOption(yearOption())
    .action(async (file: string, flags: PageOptions) => {
      const parsed = await parseFile(file, flags);
      const { toParseJson } = await termPages();
      process.stdout.write(`${JSON.stringify(toParseJson(parsed), null, 2)}\n`);
    });

  program
    .command("lint")
    .description("report what is irregular in term pages, like a compiler (file:line rule message)")
    .argument("<files...>", "one or more term pages")
    .option("--json", "print the findings as JSON")
    .addOption(zoneOption())
    .addOption(yearOption())
    .action(async (files: string[], flags: PageOptions & { json?: boolean }) => {
      const progress = createProgress(files.length);
      const report: Array<{ file: string; error?: string; findings: ParsedTermPage["findings"] }> = [];
      for (const file of files) {
        progress.tick(file);
        try {
          report.push({ file, findings: (await parseFile(file, flags)).findings });
        } catch (error) {
          // One file the linter cannot read, or even crashes on, is that file's error: the others are still linted.
          const message = isAppError(error) ? error.message : `${file}: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
          report.push({ file, error: message, findings: [] });
        }
      }
      progress.done();
      const errors = report.reduce((n, entry) => n + (entry.error ? 1 : 0) + entry.findings.filter((f) => f.severity === "error").length, 0);
      const warnings = report.reduce((n, entry) => n + entry.findings.filter((f) => f.severity === "warning").length, 0);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ files: report, errors, warnings }, null, 2)}\n`);
      } else {
        for (const entry of report) {
          if (entry.error) process.stdout.write(`${entry.error}\n`);
          for (const finding of entry.findings) {
            process.stdout.write(`${entry.file}:${finding.line} ${finding.rule} ${finding.severity}: ${finding.message}\n`);
          }
        }
        process.stderr.write(
          `${files.length} ${files.length === 1 ? "file" : "files"}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}\n`,
        );
      }
      if (errors > 0) process.exitCode = 1;
    });

  program
    .command("import")
    .description("import term pages into the database (creates the program when missing, migrates an empty database)")
    .argument("<files...>", "term pages; project_ideas.md pages import their projects as proposed")
    .requiredOption("--program <slug>", "the program's slug, e.g. cncf-lfx")
    .option("--program-name <name>", "the program's name when this import creates it")
    .option("--term <slug>", "the term's slug (default: from the path, e.g. 2024-02-jun-aug); one file only")
    .option("--proposed", "import the projects as proposed, not accepted")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print the result as JSON")
    .addOption(zoneOption())
    .addOption(yearOption())
    .action(
      async (
        files: string[],
        flags: PageOptions & { program: string; programName?: string; term?: string; proposed?: boolean; db?: string; json?: boolean },
      ) => {
        if (flags.term && files.length > 1)
          throw new AppError("INVALID_INPUT", "--term names one term: give one file with it, or leave it out to name terms from their paths");
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(flags.program)) {
          throw new AppError("INVALID_INPUT", `--program "${flags.program}" must be a slug: lower-case letters, digits and single hyphens, e.g. cncf-lfx`);
        }
        const config = configFrom({ db: flags.db });
        const { openDatabase } = await import("../../storage/database.ts");
        const { migrateToLatest } = await import("../../storage/migrate.ts");
        const { importTermPages } = await import("../../commands/term-pages/import-term-pages.ts");
        const database = await openDatabase(config.databaseUrl);
        const progress = createProgress(files.length);
        let report: Awaited<ReturnType<typeof importTermPages>>;
        try {
          await migrateToLatest(database.db);
          report = await importTermPages({
            database,
            onFile: (file) => progress.tick(file),
            onReport: (entry) => {
              if (!flags.json) process.stdout.write(`${entry.status === "failed" ? entry.error : importedLine(entry)}\n`);
            },
            sources: files.map((file) => ({ file, load: () => pageImportOf(file, flags) })),
          });
        } finally {
          progress.done();
          await database.close();
        }
        if (flags.json) {
          const output = files.length === 1 ? report.files[0] : report;
          process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
        }
        if (report.failed > 0) process.exitCode = 1;
      },
    );

  program
    .command("export")
    .description("write a term as a canonical term page")
    .argument("<term>", "the term's slug, e.g. 2024-02-jun-aug")
    .addOption(new Option("--state <state>", "which projects to list").choices(["accepted", "proposed", "all"]).default("accepted"))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .action(async (termSlug: string, flags: { state: "accepted" | "proposed" | "all"; output?: string; db?: string }) => {
      const config = configFrom({ db: flags.db });
      const { openDatabase } = await import("../../storage/database.ts");
      const { exportTermPage } = await import("../../commands/term-pages/export-term-page.ts");
      const database = await openDatabase(config.databaseUrl);
      try {
        const states = flags.state === "all" ? (["accepted", "proposed"] as const) : ([flags.state] as const);
        const markdown = await exportTermPage({ database, termSlug, states });
        if (flags.output) fs.writeFileSync(flags.output, markdown);
        else process.stdout.write(markdown);
      } finally {
        await database.close();
      }
    });
}
