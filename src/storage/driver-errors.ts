import { AppError } from "../errors/app-error.ts";

/**
 * Turns a database driver error into an AppError by its error code, never by its message text:
 * a unique violation is CONFLICT, a broken foreign key or check is INVALID_INPUT, a lost
 * connection DATABASE_UNAVAILABLE. Anything else is returned as INTERNAL.
 */
export function translateDriverError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseBusy(error)) return new AppError("DATABASE_UNAVAILABLE", "The database is busy; try again in a moment.");
  const code = String((error as { code?: unknown }).code ?? "");
  switch (code) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY":
    case "23505":
      return new AppError("CONFLICT", "This object already exists.", constraintDetails(error));
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "23503":
      return new AppError(
        "INVALID_INPUT",
        "The change refers to an object that does not exist, or another object still refers to it.",
        constraintDetails(error),
      );
    case "SQLITE_CONSTRAINT_CHECK":
    case "SQLITE_CONSTRAINT_NOTNULL":
    case "23514":
    case "23502":
      return new AppError("INVALID_INPUT", "A value is outside what the field allows.", constraintDetails(error));
    case "ECONNREFUSED":
      return new AppError("DATABASE_UNAVAILABLE", "connection refused (is the server running, and is the host and port right?)");
    case "ENOTFOUND":
      return new AppError("DATABASE_UNAVAILABLE", "the host name does not resolve");
    case "28P01":
    case "28000":
      return new AppError("DATABASE_UNAVAILABLE", "the user name or password was refused");
    case "3D000":
      return new AppError("DATABASE_UNAVAILABLE", "the database does not exist (create it first, e.g. createdb cohort)");
    case "57P01":
    case "57P03":
      return new AppError("DATABASE_UNAVAILABLE", "the server is shutting down or starting up");
    default:
      if ((error as Error)?.message?.includes("timeout exceeded when trying to connect")) {
        return new AppError("DATABASE_UNAVAILABLE", "the connection timed out");
      }
      return new AppError("INTERNAL", "An unexpected database error occurred.", { cause: code || undefined });
  }
}

function constraintDetails(error: unknown): Record<string, unknown> | undefined {
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === "string" ? { constraint } : undefined;
}

/**
 * True for SQLite's "database is locked" errors, whatever their extended code
 * (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED_SHAREDCACHE, …): another process
 * held the lock past the busy timeout, and the same work may succeed a moment later.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}
