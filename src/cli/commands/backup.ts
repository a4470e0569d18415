import type { Command } from "commander";
import { configFrom } from "../options.ts";

interface TableLine {
  name: string;
  rows: number;
}

/** `cohort backup FILE` and `cohort restore FILE`: copy the database while it runs, and load a copy into an empty one. */
export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("copy the database to FILE while the server runs (SQLite: online backup; PostgreSQL: pg_dump)")
    .argument("<file>", "the backup file to write")
    .option("--force", "replace FILE when it exists")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print the result as JSON")
    .action(async (file: string, flags: { force?: boolean; db?: string; json?: boolean }) => {
      const { backUpDatabase } = await import("../../commands/backups/back-up-database.ts");
      const report = await backUpDatabase({ databaseUrl: configFrom({ db: flags.db }).databaseUrl, file, force: flags.force });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `Backed up to ${report.file} (${report.bytes} bytes).\n${report.method}.\nMigration version: ${report.version ?? "none"}\n${tableLines(report.tables)}`,
      );
    });

  program
    .command("restore")
    .description("load a backup FILE into an empty database, then check it")
    .argument("<file>", "a file cohort backup wrote")
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print the result as JSON")
    .action(async (file: string, flags: { db?: string; json?: boolean }) => {
      const { restoreDatabase } = await import("../../commands/backups/restore-database.ts");
      const report = await restoreDatabase({ databaseUrl: configFrom({ db: flags.db }).databaseUrl, file });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const check = report.integrity === null ? "pg_restore loaded every object." : `Integrity check: ${report.integrity}.`;
      const version =
        report.pending === 0
          ? `Migration version: ${report.version} (up to date).`
          : `Migration version: ${report.version ?? "none"}; ${report.pending} newer migrations to run: cohort migrate will bring it up to ${report.latestKnown}.`;
      process.stdout.write(`Restored ${file}.\n${check}\n${version}\n${tableLines(report.tables)}`);
    });
}

function tableLines(tables: readonly TableLine[]): string {
  if (tables.length === 0) return "";
  const width = Math.max(...tables.map((table) => table.name.length));
  return `Rows per table:\n${tables.map((table) => `  ${table.name.padEnd(width)}  ${table.rows}\n`).join("")}`;
}
