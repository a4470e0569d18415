import { DateTime } from "luxon";
import type { EvaluationKind } from "./stipends.ts";

/**
 * A stipend installment's life (WORKFLOW.md, "Mentorships, evaluations and stipends"):
 *
 *     pending ──evaluation pass──▶ due ──admin approves──▶ approved ──finance export──▶ exported ──marked paid(ref)──▶ paid
 *          └──fail / termination──▶ withheld(reason)
 *
 * Each move is one function of the commands; this module says which moves exist and how the
 * mentee's ledger words each state.
 */

/** The states of an installment, in the order one moves through them. */
export const INSTALLMENT_STATES = ["pending", "due", "approved", "exported", "paid", "withheld"] as const;

/** One installment state. */
export type InstallmentState = (typeof INSTALLMENT_STATES)[number];

/** The state each state moves to by its one forward step (withholding is the other way out of pending). */
const NEXT: Partial<Record<InstallmentState, InstallmentState>> = { pending: "due", due: "approved", approved: "exported", exported: "paid" };

/** True when an installment in `from` may move to `to`. */
export function canMoveInstallment(from: InstallmentState, to: InstallmentState): boolean {
  return NEXT[from] === to || (from === "pending" && to === "withheld");
}

/** What becomes of an ended mentorship's installments that are still pending: withheld, or paid for the share of their period served. */
export const REMAINING_CHOICES = ["withheld", "pro_rata"] as const;

/** One choice. */
export type RemainingChoice = (typeof REMAINING_CHOICES)[number];

/** How many business days finance takes to pay an exported installment: the promise the ledger states. */
export const PAYMENT_BUSINESS_DAYS = 10;

/** The day `days` business days (Monday to Friday) after `from`, in `zone`. */
export function addBusinessDays(from: Date, days: number, zone: string): Date {
  let day = DateTime.fromJSDate(from, { zone });
  let left = days;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left -= 1;
  }
  return day.toJSDate();
}

/** An installment as the ledger words it. */
export interface LedgerInstallment {
  state: InstallmentState;
  releasedBy: EvaluationKind;
  /** When its evaluation is due (moved by the mentorship's extension); null when the term has no such date. */
  evaluationDueAt: Date | null;
  approvedAt: Date | null;
  exportedAt: Date | null;
  paidAt: Date | null;
  paymentReference: string | null;
  withheldReason: string | null;
}

/** What happens next to an installment, for its mentee, with dates in the given formatter's words. */
export function installmentNextStep(installment: LedgerInstallment, options: { zone: string; day: (instant: Date) => string }): string {
  const { day } = options;
  switch (installment.state) {
    case "pending": {
      const when = installment.evaluationDueAt ? ` (due ${day(installment.evaluationDueAt)})` : "";
      return installment.releasedBy === "final"
        ? `Released when the final evaluation passes${when} and your program feedback and blog post are in.`
        : `Released when the midterm evaluation passes${when}.`;
    }
    case "due":
      return "Your evaluation passed; a program admin approves it for payment next.";
    case "approved":
      return `Approved${installment.approvedAt ? ` on ${day(installment.approvedAt)}` : ""}; it goes to finance in the next payment export.`;
    case "exported": {
      const by = installment.exportedAt ? ` (by ${day(addBusinessDays(installment.exportedAt, PAYMENT_BUSINESS_DAYS, options.zone))})` : "";
      return `Sent to finance${installment.exportedAt ? ` on ${day(installment.exportedAt)}` : ""}; paid within ${PAYMENT_BUSINESS_DAYS} business days of export${by}.`;
    }
    case "paid":
      return `Paid${installment.paidAt ? ` on ${day(installment.paidAt)}` : ""}${installment.paymentReference ? `, reference ${installment.paymentReference}` : ""}.`;
    case "withheld":
      return `Withheld: ${installment.withheldReason ?? "no reason was given"}.`;
  }
}

/** An installment state in words for a ledger row or an email subject. */
export const INSTALLMENT_STATE_WORDS = {
  pending: "Pending",
  due: "Due",
  approved: "Approved",
  exported: "Sent to finance",
  paid: "Paid",
  withheld: "Withheld",
} as const satisfies Record<InstallmentState, string>;

/** A day as the ledger writes it: "20 Jul 2026". */
export function ledgerDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("d LLL yyyy");
}

/** An installment row as the ledger's words read it. */
export function ledgerInstallment(
  row: {
    state: InstallmentState;
    releasedBy: EvaluationKind;
    approvedAt: string | null;
    exportedAt: string | null;
    paidAt: string | null;
    paymentReference: string | null;
    withheldReason: string | null;
  },
  evaluationDueAt: Date | null,
): LedgerInstallment {
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    state: row.state,
    releasedBy: row.releasedBy,
    evaluationDueAt,
    approvedAt: date(row.approvedAt),
    exportedAt: date(row.exportedAt),
    paidAt: date(row.paidAt),
    paymentReference: row.paymentReference,
    withheldReason: row.withheldReason,
  };
}
