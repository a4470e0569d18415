import { stringify } from "csv-stringify/sync";

/**
 * Rows as a CSV file for a spreadsheet (RFC 4180: a header row, CRLF between records, a field
 * quoted when it holds a comma, a quote or a line break, quotes doubled; UTF-8). A cell that a
 * spreadsheet would run as a formula (beginning with = + - @, a tab or a carriage return, per
 * OWASP's advice on CSV injection) starts with an apostrophe instead, so it reads as text.
 */
export function csvFile(header: readonly string[], records: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return stringify([header, ...records], { record_delimiter: "\r\n", escape_formulas: true });
}
