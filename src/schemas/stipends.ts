import { z } from "zod";
import { EVALUATION_KINDS } from "../domain/stipends.ts";
import { Instant } from "./instant.ts";

// A program's stipend policy (WORKFLOW.md, "Mentorships, evaluations and stipends"): amounts are
// integers of the currency's minor unit, percentages have at most two decimals.

const Percent = z
  .number("must be a percentage such as 50 or 62.5")
  .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, "must have at most two decimals");

/** `PUT /api/programs/{program}/stipend-policy`: the currency, base amount and installments. */
export const StipendPolicyBody = z
  .object({
    currency: z.string().trim().toUpperCase().describe("ISO 4217, e.g. USD."),
    baseAmount: z
      .number("must be a whole number of the currency's minor unit")
      .int("must be a whole number of the currency's minor unit (cents for USD)")
      .min(0, "must not be negative")
      .max(2_000_000_000, "must be at most 2,000,000,000 minor units")
      .describe("The stipend before the country's percentage, in the currency's minor unit (300000 is USD 3,000.00)."),
    installments: z
      .array(z.object({ percent: Percent.describe("Its share of the total, e.g. 50."), releasedBy: z.enum(EVALUATION_KINDS, "must be midterm or final") }))
      .min(1, "must have at least one installment")
      .max(EVALUATION_KINDS.length, `must have at most ${EVALUATION_KINDS.length} installments`),
  })
  .strict()
  .meta({ id: "StipendPolicyBody" });
/** A stipend policy as sent. */
export type StipendPolicyBody = z.infer<typeof StipendPolicyBody>;

/** `PUT /api/programs/{program}/stipend-policy/countries`: the country table as CSV text. */
export const CountryTableBody = z
  .object({
    csv: z
      .string()
      .max(200_000, "must be at most 200,000 characters")
      .describe("One line per country: an ISO 3166 code and the percentage of the base, e.g. “IN,60”; a header line is allowed."),
  })
  .strict()
  .meta({ id: "CountryTableBody" });
/** A country table as sent. */
export type CountryTableBody = z.infer<typeof CountryTableBody>;

/** A program's stipend policy as its admins read it, with each country's total worked out. */
export const StipendPolicyView = z
  .object({
    program: z.object({ slug: z.string(), name: z.string() }),
    policy: z
      .object({
        currency: z.string(),
        minorUnitDigits: z.number().int().describe("Decimals of the currency's minor unit: 2 for USD, 0 for JPY."),
        baseAmount: z.number().int(),
        baseWords: z.string().describe("The base for people, e.g. “USD 3,000.00”."),
        installments: z.array(
          z.object({ percent: z.number(), releasedBy: z.enum(EVALUATION_KINDS), amountWords: z.string().describe("Its amount on the base.") }),
        ),
        countries: z.array(
          z.object({ code: z.string(), name: z.string(), percent: z.number(), totalWords: z.string(), installmentWords: z.array(z.string()) }),
        ),
        rounding: z.string().describe("How amounts are rounded, in words."),
      })
      .nullable()
      .describe("Null until an admin sets the policy."),
    updatedAt: Instant.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "StipendPolicy" });
/** A stipend policy as read. */
export type StipendPolicyView = z.infer<typeof StipendPolicyView>;
