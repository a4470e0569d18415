import { type ErrorCode, isAppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type ImportTermPageResult, importTermPage, type PageImport } from "./import-term-page.ts";

/** One file of a batch: where it comes from, and how to read it into a page to import. */
export interface TermPageSource {
  file: string;
  /** Reads, parses and names the page; it may throw, and the batch goes on. */
  load(): Promise<PageImport>;
}

/** What happened to one file: imported with its counts, or failed with one line saying why. */
export type TermPageImportReport =
  | ({ file: string; status: "imported" } & ImportTermPageResult)
  | { file: string; status: "failed"; code: ErrorCode; error: string };

/** What a batch import did, file by file, in the order given. */
export interface TermPagesImportResult {
  files: TermPageImportReport[];
  failed: number;
}

/**
 * Imports several term pages, each in its own transaction, and reports per file like Kysely's
 * migrator: a file that cannot be read, is not a term page or breaks a rule of the database is
 * reported on its own line and the others still import. It never throws for one file's
 * failure, whatever that failure is.
 */
export async function importTermPages(options: {
  database: DatabaseHandle;
  sources: TermPageSource[];
  /** Called as each file starts, for progress. */
  onFile?: (file: string) => void;
  /** Called as each file is done, so that a long batch reports as it goes. */
  onReport?: (report: TermPageImportReport) => void;
}): Promise<TermPagesImportResult> {
  const files: TermPageImportReport[] = [];
  for (const source of options.sources) {
    options.onFile?.(source.file);
    let report: TermPageImportReport;
    try {
      const page = await source.load();
      report = { file: source.file, status: "imported", ...(await importTermPage({ database: options.database, ...page })) };
    } catch (error) {
      report = { file: source.file, status: "failed", ...failureOf(source.file, error) };
    }
    files.push(report);
    options.onReport?.(report);
  }
  return { files, failed: files.filter((report) => report.status === "failed").length };
}

function failureOf(file: string, error: unknown): { code: ErrorCode; error: string } {
  const message = isAppError(error) ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return { code: isAppError(error) ? error.code : "INTERNAL", error: message.startsWith(file) ? message : `${file}: ${message}` };
}
