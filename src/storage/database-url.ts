import path from "node:path";
import { AppError } from "../errors/app-error.ts";

/** Where a database lives, read from one COHORT_DATABASE_URL. */
export type DatabaseLocation = { dialect: "sqlite"; file: string } | { dialect: "postgres"; connectionString: string };

/**
 * Reads a database URL: `sqlite:./data/cohort.db`, `sqlite:/abs/path.db`, `sqlite::memory:`
 * or `postgres://user:pass@host:5432/db`. Anything else is INVALID_INPUT naming both forms.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    try {
      new URL(trimmed);
    } catch {
      throw new AppError(
        "INVALID_INPUT",
        `The PostgreSQL URL "${redactUrl(trimmed)}" is not a valid URL; write it as postgres://user:password@host:5432/database`,
      );
    }
    return { dialect: "postgres", connectionString: trimmed };
  }
  if (/^sqlite:/i.test(trimmed)) {
    let file = trimmed.slice("sqlite:".length);
    if (file.startsWith("//")) file = file.slice(2);
    if (file === "") {
      throw new AppError("INVALID_INPUT", `The SQLite URL "${trimmed}" names no file; write it as sqlite:./data/cohort.db`);
    }
    return { dialect: "sqlite", file: file === ":memory:" ? file : path.resolve(file) };
  }
  throw new AppError(
    "INVALID_INPUT",
    `The database URL "${redactUrl(trimmed)}" is not supported; use sqlite:./data/cohort.db or postgres://user:password@host:5432/database`,
  );
}

/** The URL with any password replaced, safe for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
