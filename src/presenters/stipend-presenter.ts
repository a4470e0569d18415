import { countryName } from "../domain/countries.ts";
import { formatMoney, minorUnitDigits } from "../domain/money.ts";
import { type StipendPolicy, splitInstallments, stipendTotal, WHOLE } from "../domain/stipends.ts";
import type { StipendPolicyView } from "../schemas/stipends.ts";
import type { StipendPolicyData } from "../storage/schema.ts";

/** How amounts are rounded, as the policy page states it. */
export const ROUNDING_WORDS =
  "A mentee's total is the base times their country's percentage (100% for a country not listed), rounded half up to the minor unit. Each installment but the last is its percentage of that total rounded down; the last takes the rest, so the installments always add up to the total.";

/** A program's stipend policy for its admins: every amount in words, each listed country's total and installments worked out. */
export function presentStipendPolicy(data: StipendPolicyData): StipendPolicyView {
  const { policy } = data;
  const money = (minor: number) => formatMoney(minor, policy?.currency ?? "USD");
  return {
    program: { slug: data.program.slug, name: data.program.name },
    policy: policy
      ? {
          currency: policy.currency,
          minorUnitDigits: minorUnitDigits(policy.currency),
          baseAmount: policy.baseAmount,
          baseWords: money(policy.baseAmount),
          installments: installmentsOf(policy.baseAmount, policy.installments, money),
          countries: [...policy.multipliers].map(([code, basisPoints]) => {
            const total = stipendTotal(policy, code);
            return {
              code,
              name: countryName(code),
              percent: basisPoints / (WHOLE / 100),
              totalWords: money(total),
              installmentWords: splitInstallments(total, policy.installments).map(money),
            };
          }),
          rounding: ROUNDING_WORDS,
        }
      : null,
    updatedAt: data.updatedAt,
    updatedBy: data.updatedBy,
  };
}

/** A policy's installments on an amount: each with its percentage, its evaluation and its share in words. */
function installmentsOf(amount: number, rules: StipendPolicy["installments"], money: (minor: number) => string) {
  const amounts = splitInstallments(amount, rules);
  return rules.map((rule, index) => ({ percent: rule.basisPoints / 100, releasedBy: rule.releasedBy, amountWords: money(amounts[index] ?? 0) }));
}
