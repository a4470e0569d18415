import { parse } from "csv-parse/sync";
import { isCountryCode } from "./countries.ts";
import { isCurrencyCode } from "./money.ts";

/**
 * Stipends by policy (WORKFLOW.md, "Mentorships, evaluations and stipends"): a program's base
 * amount in a currency, split into installments by percentage, each released by an evaluation,
 * and scaled per mentee by their country's multiplier. Amounts are integers of the currency's
 * minor unit. The rounding, stated once:
 *
 * - a mentee's total is the base times their country's percentage (100% when their country is
 *   not listed), rounded half up to the minor unit;
 * - each installment but the last is its percentage of that total rounded down, and the last
 *   takes what is left, so the installments of a mentorship always sum to its total.
 *
 * Percentages are kept as basis points (hundredths of a percent, 62.5% = 6250) so that they too
 * are integers.
 */

/** The evaluations that release installments. */
export const EVALUATION_KINDS = ["midterm", "final"] as const;

/** One evaluation kind. */
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** 100%, in basis points. */
export const WHOLE = 10_000;

/** One installment of a policy: its share of the total and the evaluation whose pass releases it. */
export interface InstallmentRule {
  basisPoints: number;
  releasedBy: EvaluationKind;
}

/** A program's stipend policy. */
export interface StipendPolicy {
  currency: string;
  /** The base amount, in minor units. */
  baseAmount: number;
  installments: readonly InstallmentRule[];
  /** Country code → percentage of the base, in basis points. */
  multipliers: ReadonlyMap<string, number>;
}

/** Something wrong with a policy, by the field at fault. */
export interface PolicyProblem {
  field: string;
  detail: string;
}

/** The most installments a policy may have. */
export const MAX_INSTALLMENTS = EVALUATION_KINDS.length;

/** The highest country percentage a table may give (in basis points): 500%. */
export const MAX_MULTIPLIER = 5 * WHOLE;

/** A percentage written as people write it ("50", "62.5", "12.25") in basis points, or null when it is not one. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Basis points as a percentage for people: 6250 → "62.5%". */
export function percentWords(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`;
}

/**
 * What is wrong with a policy, each with its field, or nothing: an unknown currency, a base that
 * is not a whole number of minor units, installments that do not add up to 100%, an evaluation
 * releasing two installments, a country that is not one or a percentage out of range.
 */
export function stipendPolicyProblems(policy: StipendPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!isCurrencyCode(policy.currency))
    problems.push({ field: "currency", detail: `“${policy.currency}” is not an ISO 4217 currency code such as USD or EUR.` });
  if (!Number.isSafeInteger(policy.baseAmount) || policy.baseAmount < 0) {
    problems.push({ field: "baseAmount", detail: "The base amount must be a whole, non-negative number of the currency's minor unit (cents for USD)." });
  }
  if (policy.installments.length === 0 || policy.installments.length > MAX_INSTALLMENTS) {
    problems.push({ field: "installments", detail: `A policy has between 1 and ${MAX_INSTALLMENTS} installments.` });
  }
  const seen = new Set<EvaluationKind>();
  policy.installments.forEach((rule, index) => {
    if (!Number.isInteger(rule.basisPoints) || rule.basisPoints <= 0 || rule.basisPoints > WHOLE) {
      problems.push({ field: `installments.${index}.percent`, detail: "Each installment is more than 0% and at most 100% of the total." });
    }
    if (seen.has(rule.releasedBy)) {
      problems.push({
        field: `installments.${index}.releasedBy`,
        detail: `The ${rule.releasedBy} evaluation already releases an installment; each releases one.`,
      });
    }
    seen.add(rule.releasedBy);
  });
  const sum = policy.installments.reduce((total, rule) => total + rule.basisPoints, 0);
  if (policy.installments.length > 0 && sum !== WHOLE) {
    problems.push({ field: "installments", detail: `The installments add up to ${percentWords(sum)}; they must add up to 100%.` });
  }
  for (const [country, basisPoints] of policy.multipliers) {
    if (!isCountryCode(country)) problems.push({ field: `multipliers.${country}`, detail: `“${country}” is not an ISO 3166 country code such as DE or IN.` });
    if (!Number.isInteger(basisPoints) || basisPoints <= 0 || basisPoints > MAX_MULTIPLIER) {
      problems.push({
        field: `multipliers.${country}`,
        detail: `The percentage for ${country} must be more than 0% and at most ${percentWords(MAX_MULTIPLIER)}.`,
      });
    }
  }
  return problems;
}

/** `amount × numerator / denominator`, rounded half up, exact for every amount a stipend has. */
function scaleHalfUp(amount: number, numerator: number, denominator: number): number {
  const product = BigInt(amount) * BigInt(numerator);
  const whole = product / BigInt(denominator);
  const rest = product % BigInt(denominator);
  return Number(rest * 2n >= BigInt(denominator) ? whole + 1n : whole);
}

/** A mentee's total stipend: the base times their country's percentage (100% when not listed), rounded half up. */
export function stipendTotal(policy: Pick<StipendPolicy, "baseAmount" | "multipliers">, country: string | null): number {
  const basisPoints = (country ? policy.multipliers.get(country) : undefined) ?? WHOLE;
  return scaleHalfUp(policy.baseAmount, basisPoints, WHOLE);
}

/** A total split by the installments' percentages: each rounded down but the last, which takes the rest. */
export function splitInstallments(total: number, installments: readonly InstallmentRule[]): number[] {
  const amounts = installments.map((rule) => Number((BigInt(total) * BigInt(rule.basisPoints)) / BigInt(WHOLE)));
  if (amounts.length > 0) amounts[amounts.length - 1] = total - amounts.slice(0, -1).reduce((sum, amount) => sum + amount, 0);
  return amounts;
}

/** An installment paid pro rata when a mentorship ends early: the share of its period served, rounded half up, never more than the whole. */
export function proRataAmount(amount: number, served: number, period: number): number {
  if (period <= 0 || served >= period) return amount;
  if (served <= 0) return 0;
  return scaleHalfUp(amount, served, period);
}

/** A country table as uploaded: the multipliers it holds, or what is wrong with it by line. */
export type CountryTableResult = { ok: true; multipliers: Map<string, number> } | { ok: false; errors: Array<{ line: number; detail: string }> };

/**
 * Reads a country table: CSV of an ISO 3166 code and a percentage per line ("IN,60" or
 * "IN,62.5%"), with an optional header line. Every line's problems are listed with its number:
 * an unknown code, a percentage that is not one, a country given twice, a wrong number of cells.
 */
export function parseCountryTable(csv: string): CountryTableResult {
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, detail: `This is not CSV: ${(error as Error).message}` }] };
  }
  const multipliers = new Map<string, number>();
  const errors: Array<{ line: number; detail: string }> = [];
  records.forEach((cells, index) => {
    const line = index + 1;
    const [code = "", percent = ""] = cells;
    if (index === 0 && !/^[A-Za-z]{2}$/.test(code) && parsePercent(percent) === null) return; // a header
    if (cells.length !== 2) {
      errors.push({ line, detail: `Line ${line} has ${cells.length} cells; write a country code and a percentage, such as “IN,60”.` });
      return;
    }
    const country = code.toUpperCase();
    const basisPoints = parsePercent(percent);
    if (!isCountryCode(country)) errors.push({ line, detail: `Line ${line}: “${code}” is not an ISO 3166 country code such as DE or IN.` });
    if (basisPoints === null || basisPoints <= 0 || basisPoints > MAX_MULTIPLIER) {
      errors.push({ line, detail: `Line ${line}: “${percent}” is not a percentage between 0 and ${percentWords(MAX_MULTIPLIER)} (such as 60 or 62.5).` });
    }
    if (multipliers.has(country)) errors.push({ line, detail: `Line ${line}: ${country} is given twice; keep one line per country.` });
    if (basisPoints !== null) multipliers.set(country, basisPoints);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, multipliers };
}
