import { parse } from "csv-parse/sync";
import { INSTALLMENT_STATE_WORDS, type InstallmentState } from "../../domain/installments.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import type { Actor, SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { countProgramInstallmentsByState, type ProgramInstallment, programInstallments } from "../../storage/repos/installment-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireProgramAdmin, requireProgramAdminIn } from "../programs/require-program-admin.ts";
import { moveAndTell } from "./installment-moves.ts";

// The program's admins move installments from due on: they approve them (one or many at once),
// export the approved ones to finance as CSV, and mark exported ones paid with the payment's
// reference (one by one, or by importing finance's CSV of references). Each request is checked
// whole first: one installment that cannot move refuses the request, naming it, and moves none.

/** The installments of a program, newest term first, for its admins, optionally of one state; with how many are in each state. */
export async function listProgramInstallments(options: { database: DatabaseHandle; actor: Actor; programSlug: string; state?: InstallmentState | undefined }) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  let query = programInstallments(options.database.db, program.id);
  if (options.state) query = query.where("installments.state", "=", options.state);
  const [rows, counts] = await Promise.all([
    query.orderBy("terms.slug", "desc").orderBy("people.name").orderBy("installments.position").execute(),
    countProgramInstallmentsByState(options.database.db, program.id),
  ]);
  return { program, rows, counts: new Map(counts.map((row) => [row.state, Number(row.count)])) };
}

/** Who an installment is, for a message: "installment 2 (final) of Ada Lovelace". */
function named(installment: ProgramInstallment): string {
  return `installment ${installment.position} (${installment.releasedBy}) of ${installment.menteeName}`;
}

/** The installments of the program with these ids, each found or blamed on its field. */
async function findAll(db: Db, program: ProgramRow, ids: readonly number[], field: string): Promise<ProgramInstallment[]> {
  const rows = ids.length === 0 ? [] : await programInstallments(db, program.id).where("installments.id", "in", ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    if (!byId.has(id)) errors.push({ field: `${field}.${index}`, code: "not_found", detail: `there is no installment ${id} in this program` });
  });
  if (errors.length > 0)
    throw new AppError("NOT_FOUND", `No installment ${ids.filter((id) => !byId.has(id)).join(", ")} in this program.`, undefined, { errors });
  return ids.map((id) => byId.get(id) as ProgramInstallment);
}

/** Why an installment cannot be approved, or null when it is due. */
function approvalProblem(installment: ProgramInstallment): string | null {
  switch (installment.state) {
    case "due":
      return null;
    case "pending":
      return `${named(installment)} is pending: its ${installment.releasedBy} evaluation has not passed yet, so there is nothing to approve.`;
    case "withheld":
      return `${named(installment)} was withheld (${installment.withheldReason ?? "no reason given"}); an installment whose evaluation failed is never approved.`;
    default:
      return `${named(installment)} is already ${INSTALLMENT_STATE_WORDS[installment.state].toLowerCase()}.`;
  }
}

/** Approves due installments for payment, singly or in bulk: all of them, or none when one is not due. */
export async function approveInstallments(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  ids: readonly number[];
  now: Date;
  baseUrl: string;
}) {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const installments = await findAll(db, program, [...new Set(options.ids)], "ids");
    const errors = installments.flatMap((installment, index) => {
      const problem = approvalProblem(installment);
      return problem ? [{ field: `ids.${index}`, code: installment.state === "withheld" ? "evaluation_failed" : "not_due", detail: problem }] : [];
    });
    if (errors.length > 0) throw new AppError("CONFLICT", errors.map((error) => capitalize(error.detail)).join(" "), undefined, { errors });
    for (const installment of installments) {
      await moveAndTell(db, installment, "approved", {
        change: { approvedAt: now.toISOString(), approvedBy: actor.personId },
        actor: { personId: actor.personId, label: actor.name },
        now,
        baseUrl: options.baseUrl,
      });
    }
    return { approved: installments.length };
  });
}

/**
 * The finance export: every approved installment of the program, marked exported in the same
 * transaction as it is read, so two exports never hold the same installment; the second of two
 * exports in a row holds none. The rows go back to the caller to write as CSV.
 */
export async function exportInstallments(options: { database: DatabaseHandle; actor: SignedIn; programSlug: string; now: Date; baseUrl: string }) {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const rows = await programInstallments(db, program.id).where("installments.state", "=", "approved").orderBy("installments.id").execute();
    const batch = `${program.slug}-${now.toISOString().replace(/[:.]/g, "-")}`;
    const exported: ProgramInstallment[] = [];
    for (const row of rows) {
      const moved = await moveAndTell(db, row, "exported", {
        change: { exportedAt: now.toISOString(), exportBatch: batch },
        actor: { personId: actor.personId, label: actor.name },
        now,
        baseUrl: options.baseUrl,
        audit: { batch },
      });
      if (moved) exported.push(row);
    }
    return { program, batch, rows: exported };
  });
}

/** One payment reference for an exported installment. */
export interface PaymentInput {
  installmentId: number;
  reference: string;
}

/** Marks exported installments paid, each with its payment reference: all of them, or none when one is not exported. */
export async function markInstallmentsPaid(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  payments: readonly PaymentInput[];
  now: Date;
  baseUrl: string;
  /** How the fields of a refusal are named: `payments.<i>` by default, `line <n>` for an imported file. */
  fieldOf?: (index: number) => string;
}) {
  const { actor, now } = options;
  const fieldOf = options.fieldOf ?? ((index: number) => `payments.${index}`);
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const seen = new Map<number, number>();
    const errors: FieldError[] = [];
    options.payments.forEach((payment, index) => {
      const first = seen.get(payment.installmentId);
      if (first !== undefined)
        errors.push({ field: fieldOf(index), code: "duplicate", detail: `installment ${payment.installmentId} is given twice (also at ${fieldOf(first)})` });
      seen.set(payment.installmentId, index);
    });
    const rows =
      seen.size === 0
        ? []
        : await programInstallments(db, program.id)
            .where("installments.id", "in", [...seen.keys()])
            .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    options.payments.forEach((payment, index) => {
      const installment = byId.get(payment.installmentId);
      if (!installment) errors.push({ field: fieldOf(index), code: "not_found", detail: `there is no installment ${payment.installmentId} in this program` });
      else if (installment.state !== "exported") {
        errors.push({
          field: fieldOf(index),
          code: "not_exported",
          detail: `${named(installment)} is ${INSTALLMENT_STATE_WORDS[installment.state].toLowerCase()}; only an installment sent to finance is marked paid`,
        });
      }
    });
    if (errors.length > 0)
      throw new AppError("CONFLICT", `Nothing was marked paid: ${errors.map((error) => `${error.field}: ${error.detail}`).join("; ")}.`, undefined, { errors });
    for (const payment of options.payments) {
      const installment = byId.get(payment.installmentId) as ProgramInstallment;
      await moveAndTell(db, installment, "paid", {
        change: { paidAt: now.toISOString(), paymentReference: payment.reference },
        actor: { personId: actor.personId, label: actor.name },
        now,
        baseUrl: options.baseUrl,
        audit: { reference: payment.reference },
      });
    }
    return { paid: options.payments.length };
  });
}

/** The most payment references one import reads. */
export const MAX_PAYMENT_LINES = 10_000;

/**
 * Reads finance's CSV of payment references (an installment id and a reference per line, as the
 * export's first column and a new one; an optional header line), refusing the whole file with
 * each bad line named, then marks them all paid.
 */
export async function importPaymentReferences(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  csv: string;
  now: Date;
  baseUrl: string;
}) {
  const parsed = parsePaymentReferences(options.csv);
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", `The file was not imported: ${parsed.errors.map((error) => error.detail).join(" ")}`, undefined, {
      errors: parsed.errors.map((error) => ({ field: `csv.line.${error.line}`, code: "invalid_line", detail: error.detail })),
    });
  }
  return markInstallmentsPaid({
    ...options,
    payments: parsed.payments.map((line) => line.payment),
    fieldOf: (index) => `csv.line.${parsed.payments[index]?.line ?? 0}`,
  });
}

/** A file of payment references as read, or what is wrong with it by line. */
export function parsePaymentReferences(
  csv: string,
): { ok: true; payments: Array<{ line: number; payment: PaymentInput }> } | { ok: false; errors: Array<{ line: number; detail: string }> } {
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return { ok: false, errors: [{ line: (error as { lines?: number }).lines ?? 1, detail: `This is not CSV: ${(error as Error).message}` }] };
  }
  const payments: Array<{ line: number; payment: PaymentInput }> = [];
  const errors: Array<{ line: number; detail: string }> = [];
  records.forEach((cells, index) => {
    const line = index + 1;
    const [id = "", reference = ""] = cells;
    if (index === 0 && !/^\d+$/.test(id)) return; // a header
    if (!/^\d{1,15}$/.test(id)) errors.push({ line, detail: `Line ${line}: “${id}” is not an installment number (the export's first column).` });
    else if (reference === "" || reference.length > 200)
      errors.push({ line, detail: `Line ${line}: write the payment reference (1 to 200 characters) after the installment number.` });
    else payments.push({ line, payment: { installmentId: Number(id), reference } });
  });
  if (records.length > MAX_PAYMENT_LINES) errors.push({ line: MAX_PAYMENT_LINES + 1, detail: `A file holds at most ${MAX_PAYMENT_LINES} lines.` });
  if (errors.length === 0 && payments.length === 0) errors.push({ line: 1, detail: "The file holds no payment reference." });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, payments };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
