import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InstallmentRule,
  parseCountryTable,
  parsePercent,
  proRataAmount,
  type StipendPolicy,
  splitInstallments,
  stipendPolicyProblems,
  stipendTotal,
  WHOLE,
} from "./stipends.ts";

const HALVES: InstallmentRule[] = [
  { basisPoints: 5000, releasedBy: "midterm" },
  { basisPoints: 5000, releasedBy: "final" },
];
const LFX: StipendPolicy = {
  currency: "USD",
  baseAmount: 300_000,
  installments: HALVES,
  multipliers: new Map([
    ["IN", 6000],
    ["BR", 7250],
  ]),
};

describe("a mentee's stipend", () => {
  it("is the base times their country's percentage, 100% for a country the table does not list", () => {
    expect(stipendTotal(LFX, "IN")).toBe(180_000);
    expect(stipendTotal(LFX, "BR")).toBe(217_500);
    expect(stipendTotal(LFX, "DE")).toBe(300_000);
    expect(stipendTotal(LFX, null)).toBe(300_000);
  });

  it("rounds a total half up to the minor unit", () => {
    const odd = {
      baseAmount: 1001,
      multipliers: new Map([
        ["IN", 5000],
        ["BR", 3333],
      ]),
    };
    expect(stipendTotal(odd, "IN")).toBe(501); // 500.5 → 501
    expect(stipendTotal(odd, "BR")).toBe(334); // 333.6333 → 334
    expect(stipendTotal({ baseAmount: 999, multipliers: new Map([["IN", 5000]]) }, "IN")).toBe(500); // 499.5 → 500
  });

  it("splits into installments rounded down, the last taking the rest, so they always sum to the total", () => {
    expect(splitInstallments(300_000, HALVES)).toEqual([150_000, 150_000]);
    expect(splitInstallments(1001, HALVES)).toEqual([500, 501]);
    const thirds: InstallmentRule[] = [
      { basisPoints: 3333, releasedBy: "midterm" },
      { basisPoints: 6667, releasedBy: "final" },
    ];
    expect(splitInstallments(100, thirds)).toEqual([33, 67]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: WHOLE - 1 }), (total, first) => {
        const amounts = splitInstallments(total, [
          { basisPoints: first, releasedBy: "midterm" },
          { basisPoints: WHOLE - first, releasedBy: "final" },
        ]);
        expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(total);
        expect(amounts.every((amount) => amount >= 0)).toBe(true);
      }),
    );
  });

  it("pays an installment pro rata by the share of its period served, never more than the whole", () => {
    expect(proRataAmount(150_000, 15, 30)).toBe(75_000);
    expect(proRataAmount(100, 1, 3)).toBe(33);
    expect(proRataAmount(100, 2, 3)).toBe(67);
    expect(proRataAmount(100, 0, 3)).toBe(0);
    expect(proRataAmount(100, 5, 3)).toBe(100);
  });
});

describe("a stipend policy", () => {
  it("is accepted when it adds up", () => {
    expect(stipendPolicyProblems(LFX)).toEqual([]);
  });

  it("is refused, by field, when its percentages do not add up to 100, an evaluation releases two, or its currency or a country is unknown", () => {
    const problems = stipendPolicyProblems({
      currency: "USX",
      baseAmount: 10.5,
      installments: [
        { basisPoints: 5000, releasedBy: "midterm" },
        { basisPoints: 4000, releasedBy: "midterm" },
      ],
      multipliers: new Map([
        ["XX", 6000],
        ["IN", 0],
      ]),
    });
    expect(problems).toEqual([
      { field: "currency", detail: "“USX” is not an ISO 4217 currency code such as USD or EUR." },
      { field: "baseAmount", detail: expect.stringContaining("whole, non-negative number") },
      { field: "installments.1.releasedBy", detail: "The midterm evaluation already releases an installment; each releases one." },
      { field: "installments", detail: "The installments add up to 90%; they must add up to 100%." },
      { field: "multipliers.XX", detail: "“XX” is not an ISO 3166 country code such as DE or IN." },
      { field: "multipliers.IN", detail: "The percentage for IN must be more than 0% and at most 500%." },
    ]);
  });

  it("reads percentages as people write them", () => {
    expect(parsePercent("50")).toBe(5000);
    expect(parsePercent("62.5")).toBe(6250);
    expect(parsePercent(" 12.25% ")).toBe(1225);
    expect(parsePercent("1.234")).toBeNull();
    expect(parsePercent("-5")).toBeNull();
    expect(parsePercent("fifty")).toBeNull();
  });
});

describe("a country table uploaded as CSV", () => {
  it("is read with or without a header line", () => {
    const table = parseCountryTable("country,percentage\nIN,60\nbr,72.5%\n\n");
    expect(table).toEqual({
      ok: true,
      multipliers: new Map([
        ["IN", 6000],
        ["BR", 7250],
      ]),
    });
    expect(parseCountryTable("DE,100")).toEqual({ ok: true, multipliers: new Map([["DE", WHOLE]]) });
  });

  it("lists every line's errors with its number", () => {
    const table = parseCountryTable("code,percent\nIN,60\nXX,50\nBR,lots\nIN,70\nFR,80,extra\n");
    expect(table).toEqual({
      ok: false,
      errors: [
        { line: 3, detail: "Line 3: “XX” is not an ISO 3166 country code such as DE or IN." },
        { line: 4, detail: "Line 4: “lots” is not a percentage between 0 and 500% (such as 60 or 62.5)." },
        { line: 5, detail: "Line 5: IN is given twice; keep one line per country." },
        { line: 6, detail: "Line 6 has 3 cells; write a country code and a percentage, such as “IN,60”." },
      ],
    });
  });

  it("says so when the file is not CSV", () => {
    const table = parseCountryTable('IN,"60\nBR,70');
    expect(table).toEqual({ ok: false, errors: [{ line: expect.any(Number), detail: expect.stringMatching(/^This is not CSV: /) }] });
  });
});
