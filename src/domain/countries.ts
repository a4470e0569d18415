/**
 * ISO 3166-1 alpha-2 country codes, as ICU's region names know them (the data Node ships):
 * a code is a country when ICU names it. Regions that are not countries (the EU, the UN, the
 * eurozone, "outlying Oceania") are left out.
 */
const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB"]);

/** True when `code` is a two-letter country code such as DE or IN. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  const name = REGION_NAMES.of(code);
  return name !== undefined && name !== code && name !== "Unknown Region";
}

/** A country's name in English ("Germany"), or the code itself when it is not one. */
export function countryName(code: string): string {
  return isCountryCode(code) ? (REGION_NAMES.of(code) ?? code) : code;
}
