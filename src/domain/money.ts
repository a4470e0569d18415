/**
 * Money is exact (WORKFLOW.md, "Principles"): an amount is an integer of the currency's minor
 * unit (cents for USD, yen for JPY) with its ISO 4217 code, never a floating-point number.
 */

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** True when `code` is an ISO 4217 currency code such as USD. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** How many decimals the currency's minor unit has: 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in words for people, e.g. "USD 3,000.00" or "JPY 150,000". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const major = minor / 10 ** digits;
  return `${currency} ${major.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
