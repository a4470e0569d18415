import { INSTALLMENT_STATES } from "../domain/installments.ts";
import { minorUnitDigits } from "../domain/money.ts";
import type { ProgramInstallmentsResponse, ProgramMentorshipsResponse } from "../schemas/program-mentorships.ts";
import type { InstallmentRow } from "../storage/schema.ts";
import { csvFile } from "./csv-file.ts";
import { presentInstallment } from "./mentorship-presenter.ts";

/** An installment of a program with its mentee, mentorship and term, as the admins' list reads it. */
export type ProgramInstallmentRow = InstallmentRow & {
  termSlug: string;
  termTitle: string;
  termTimeZone: string;
  projectTitle: string;
  menteeName: string;
  menteeEmail: string | null;
  menteeCountry: string | null;
};

/** The program's installments for its admins, with how many are in each state. */
export function presentProgramInstallments(
  rows: readonly ProgramInstallmentRow[],
  countByState: ReadonlyMap<InstallmentRow["state"], number>,
): ProgramInstallmentsResponse {
  const counts = Object.fromEntries(INSTALLMENT_STATES.map((state) => [state, countByState.get(state) ?? 0])) as ProgramInstallmentsResponse["counts"];
  return {
    items: rows.map((row) => ({
      ...presentInstallment(row, { zone: row.termTimeZone, evaluationDueAt: null }),
      mentorshipId: row.mentorshipId,
      mentee: row.menteeName,
      country: row.menteeCountry,
      term: { slug: row.termSlug, title: row.termTitle },
      project: row.projectTitle,
    })),
    counts,
  };
}

/** An amount in minor units as a plain decimal for a spreadsheet: 123456 USD → "1234.56". */
function decimalAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${minor < 0 ? "-" : ""}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * The finance export as CSV (csv-file.ts: RFC 4180, formula cells neutralized): one line per
 * installment, its number first (finance's payment file refers to it), the amount as a decimal
 * of the currency's major unit beside the minor units.
 */
export function presentFinanceCsv(batch: string, rows: readonly ProgramInstallmentRow[]): { fileName: string; csv: string } {
  const header = [
    "installment",
    "mentee",
    "email",
    "country",
    "term",
    "project",
    "installment_number",
    "released_by",
    "amount",
    "currency",
    "amount_minor_units",
    "approved_at",
  ];
  const records = rows.map((row) => [
    row.id,
    row.menteeName,
    row.menteeEmail ?? "",
    row.menteeCountry ?? "",
    row.termTitle,
    row.projectTitle,
    row.position,
    row.releasedBy,
    decimalAmount(row.amount, row.currency),
    row.currency,
    row.amount,
    row.approvedAt ?? "",
  ]);
  return { fileName: `${batch}.csv`, csv: csvFile(header, records) };
}

/** The program's mentorships for its admins' overview, with the count of overdue evaluations. */
export function presentProgramMentorships(
  rows: ReadonlyArray<
    Omit<ProgramMentorshipsResponse["items"][number], "evaluations"> & {
      evaluations: Array<Omit<ProgramMentorshipsResponse["items"][number]["evaluations"][number], "dueAt"> & { dueAt: Date | null }>;
    }
  >,
): ProgramMentorshipsResponse {
  const items = rows.map((row) => ({
    ...row,
    evaluations: row.evaluations.map((evaluation) => ({ ...evaluation, dueAt: evaluation.dueAt?.toISOString() ?? null })),
  }));
  return { items, overdue: items.reduce((sum, row) => sum + row.evaluations.filter((evaluation) => evaluation.overdue).length, 0) };
}
