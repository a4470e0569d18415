import { AppError } from "../errors/app-error.ts";
import { describeCheck, describeConstraint, describeTable, withArticle } from "./constraint-words.ts";

/** What the statement that failed was doing: a foreign key broken by a delete is a CONFLICT, by a write NOT_FOUND. */
export interface FailedStatement {
  kind: "insert" | "update" | "delete" | "other";
  /** The table it writes, when the SQL names one. */
  table?: string | undefined;
}

/** The fields of a driver error Cohort reads: pg's error fields, better-sqlite3's `code`. */
interface DriverErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  detail?: unknown;
  message?: unknown;
}

/** Why a connection failed, by the driver's code, in words that say what to check. */
const CONNECTION_FAILURES: Record<string, string> = {
  ECONNREFUSED: "connection refused (is the server running, and is the host and port right?)",
  ECONNRESET: "the server closed the connection",
  ETIMEDOUT: "the connection timed out",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve",
  "28P01": "the user name or password was refused",
  "28000": "the user name or password was refused",
  "3D000": "the database does not exist (create it first, e.g. createdb cohort)",
  "53300": "the server has no connection left for Cohort",
  "57P01": "the server is shutting down or starting up",
  "57P02": "the server is shutting down or starting up",
  "57P03": "the server is shutting down or starting up",
};

/**
 * Turns a database driver error into an AppError by its error code, never by its message text:
 * a unique violation is CONFLICT naming what already exists; a broken foreign key is NOT_FOUND
 * (the row written refers to one that is gone) or, for a delete, CONFLICT (another row still
 * refers to it); a check or not-null violation is INVALID_INPUT; a busy database, a
 * serialization failure, a deadlock or a lost connection is DATABASE_UNAVAILABLE. Anything else
 * is INTERNAL. The driver error stays as the `cause`, for the logs.
 */
export function translateDriverError(error: unknown, statement: FailedStatement = { kind: "other" }): AppError {
  if (error instanceof AppError) return error;
  const cause = { cause: error };
  if (isDatabaseBusy(error)) return new AppError("DATABASE_UNAVAILABLE", "The database is busy; try again in a moment.", undefined, cause);
  const fields = (typeof error === "object" && error !== null ? error : {}) as DriverErrorFields;
  const code = String(fields.code ?? "");
  switch (code) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY":
    case "23505":
      return new AppError("CONFLICT", uniqueMessage(fields), undefined, cause);
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    // SQLite reports a delete that `on delete restrict` refuses with the trigger code; Cohort's
    // schema has no trigger that raises, so this code means that refusal.
    case "SQLITE_CONSTRAINT_TRIGGER":
    case "23503":
      return statement.kind === "delete"
        ? new AppError("CONFLICT", stillReferencedMessage(fields, statement), undefined, cause)
        : new AppError("NOT_FOUND", missingReferenceMessage(fields, statement), undefined, cause);
    case "SQLITE_CONSTRAINT_CHECK":
    case "23514":
      return new AppError("INVALID_INPUT", checkMessage(fields, statement), undefined, cause);
    case "SQLITE_CONSTRAINT_NOTNULL":
    case "23502":
      return new AppError("INVALID_INPUT", notNullMessage(fields, statement), undefined, cause);
    case "40001":
    case "40P01":
      return new AppError("DATABASE_UNAVAILABLE", "The change clashed with another one made at the same moment; try again.", undefined, cause);
  }
  const reason = connectionFailure(code, fields);
  if (reason || code.startsWith("08")) {
    return new AppError(
      "DATABASE_UNAVAILABLE",
      `The database cannot be reached: ${reason ?? "the connection failed"}. Try again in a moment.`,
      undefined,
      cause,
    );
  }
  return new AppError("INTERNAL", "An unexpected database error occurred.", code ? { cause: code } : undefined, cause);
}

/** Why a connection to the database failed, in words that say what to check (for start-up messages). */
export function connectionFailureReason(error: unknown): string {
  const original = error instanceof AppError && error.cause !== undefined ? error.cause : error;
  const fields = (typeof original === "object" && original !== null ? original : {}) as DriverErrorFields;
  return connectionFailure(String(fields.code ?? ""), fields) ?? "An unexpected database error occurred.";
}

function connectionFailure(code: string, fields: DriverErrorFields): string | undefined {
  const known = CONNECTION_FAILURES[code];
  if (known) return known;
  // pg-pool gives this failure no code: its message is all there is.
  if (typeof fields.message === "string" && fields.message.includes("timeout exceeded when trying to connect")) return "the connection timed out";
  return undefined;
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

/** Which statement a compiled SQL string runs, read from its first words. */
export function statementOf(sqlText: string): FailedStatement {
  const match = /^\s*(insert\s+into|update|delete\s+from)\s+"?(\w+)"?/i.exec(sqlText);
  const verb = match?.[1]?.slice(0, 6).toLowerCase();
  if (verb === "insert" || verb === "update" || verb === "delete") return { kind: verb, table: match?.[2] };
  return { kind: "other" };
}

// The driver's words below are read only to name the table, the columns and the value in the
// message; which kind of error it is was decided above by its code.

function uniqueMessage(fields: DriverErrorFields): string {
  const sqliteTarget = sqliteConstraintTarget(fields);
  const key = /^Key \((.*)\)=\((.*)\) already exists/.exec(text(fields.detail) ?? "");
  const table = text(fields.table) ?? sqliteTarget?.table;
  const columns = key?.[1]?.split(", ") ?? sqliteTarget?.columns;
  const constraint = text(fields.constraint) ?? sqliteTarget?.index;
  const described = describeConstraint({ table, columns, constraint });
  if (described.sentence) return described.sentence;
  const values = key?.[2]?.split(", ");
  const value = described.valueColumn && values?.length === described.columns.length ? values[described.columns.indexOf(described.valueColumn)] : undefined;
  const field = described.field ? (value === undefined ? ` with this ${described.field}` : ` with the ${described.field} "${value}"`) : "";
  return `${withArticle(described.thing, { capital: true })}${field} already exists.`;
}

function missingReferenceMessage(fields: DriverErrorFields, statement: FailedStatement): string {
  const referenced = /not present in table "(\w+)"/.exec(text(fields.detail) ?? "")?.[1];
  const writing = statement.table ?? text(fields.table);
  const subject = writing ? `this ${describeTable(writing)}` : "this change";
  const target = referenced ? `The ${describeTable(referenced)}` : "Something";
  return `${target} ${subject} refers to does not exist; it may have just been deleted.`;
}

function stillReferencedMessage(fields: DriverErrorFields, statement: FailedStatement): string {
  const referring = /referenced from table "(\w+)"/.exec(text(fields.detail) ?? "")?.[1] ?? text(fields.table);
  const subject = statement.table ? describeTable(statement.table) : "object";
  const others = referring && referring !== statement.table ? withArticle(describeTable(referring)) : "something else";
  return `This ${subject} cannot be deleted while ${others} still refers to it.`;
}

function checkMessage(fields: DriverErrorFields, statement: FailedStatement): string {
  const sqliteRule = /^CHECK constraint failed: (.*)$/.exec(text(fields.message) ?? "")?.[1];
  const rule = text(fields.constraint) ?? sqliteRule;
  const table = text(fields.table) ?? statement.table;
  const known = rule ? describeCheck(rule) : undefined;
  if (known) return `${known} (rule ${rule}).`;
  const subject = table ? `this ${describeTable(table)}` : "this change";
  return `A value of ${subject} is not allowed${rule ? ` (rule ${rule})` : ""}.`;
}

function notNullMessage(fields: DriverErrorFields, statement: FailedStatement): string {
  const sqliteTarget = sqliteConstraintTarget(fields);
  const table = text(fields.table) ?? sqliteTarget?.table ?? statement.table;
  const column = text(fields.column) ?? sqliteTarget?.columns?.[0];
  const described = describeConstraint({ table, columns: column ? [column] : undefined, constraint: undefined });
  return `The ${described.field ?? "value"} of this ${described.thing} is missing.`;
}

/** The table and columns ("people.email, people.name") or the index ("index 'name'") SQLite names. */
function sqliteConstraintTarget(fields: DriverErrorFields): { table?: string; columns?: string[]; index?: string } | undefined {
  const target = /constraint failed: (.*)$/.exec(text(fields.message) ?? "")?.[1];
  if (!target) return undefined;
  const index = /^index '(\w+)'$/.exec(target)?.[1];
  if (index) return { index };
  const pairs = target.split(", ").map((pair) => pair.split("."));
  return { table: pairs[0]?.[0], columns: pairs.flatMap((pair) => (pair[1] ? [pair[1]] : [])) };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
