import type { List, ListItem, Nodes, Table } from "mdast";
import { type DateContext, leadingDateLength, looksLikeDate, parseDateRange } from "./dates.ts";
import { finding } from "./lint-rules.ts";
import { lineOf, plainText, squash } from "./markdown.ts";
import { phaseKindOf } from "./phase-kinds.ts";
import type { Finding, ParsedTimelineRow } from "./types.ts";

/** A timeline row as found on the page, before its dates are read. */
export interface RawRow {
  activity: string;
  text: string;
  line: number;
}

function cellText(node: Nodes): string {
  return squash(plainText(node));
}

/** True for a table headed like a timeline ("activity | date", "**Activity** | **Dates (2025)**"). */
export function isTimelineTable(table: Table): boolean {
  const header = table.children[0];
  if (!header || header.children.length < 2) return false;
  const [first, second] = header.children.map((cell) => cellText(cell).toLowerCase());
  return /activit|event|milestone|phase|what/.test(first ?? "") && /date|when|deadline|time/.test(second ?? "");
}

/** Rows of a timeline table, activity and date as written. */
export function tableRows(table: Table): RawRow[] {
  const rows: RawRow[] = [];
  for (const row of table.children.slice(1)) {
    const [activity, date] = row.children;
    const activityText = activity ? cellText(activity) : "";
    const dateText = date ? cellText(date) : "";
    if (activityText === "" && dateText === "") continue;
    rows.push({ activity: activityText, text: dateText, line: lineOf(row) });
  }
  return rows;
}

const trimEnds = (text: string) => text.replace(/^[\s:;,.\-–]+|[\s:;,]+$/g, "").replace(/\.$/, "");

/**
 * Splits a timeline line into activity and date, whichever comes first:
 * "mentee applications open: Feb 1st - Feb 12th", "March 1 (Week 1): Mentorship program begins",
 * "September 21 - selected projects are announced", "proposals cutoff May 24th".
 */
export function splitRowText(text: string): { activity: string; text: string } | null {
  // A colon between digits belongs to a time ("5:00 PM").
  const colon = /:(?!\d)/.exec(text);
  if (colon) {
    const left = text.slice(0, colon.index);
    const right = text.slice(colon.index + 1);
    if (looksLikeDate(left) && !looksLikeDate(right)) return { activity: trimEnds(right), text: trimEnds(left) };
    if (looksLikeDate(right)) return { activity: trimEnds(left), text: trimEnds(right) };
  }
  if (!looksLikeDate(text)) return null;
  const length = leadingDateLength(text);
  if (length > 0 && looksLikeDate(text.slice(0, length))) return { activity: trimEnds(text.slice(length)), text: trimEnds(text.slice(0, length)) };
  // "proposals cutoff May 24th": the date is the tail from its first month or weekday.
  const start = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d/i.exec(text);
  if (!start || start.index === 0) return { activity: "", text: trimEnds(text) };
  return { activity: trimEnds(text.slice(0, start.index)), text: trimEnds(text.slice(start.index)) };
}

function itemLead(item: ListItem): string {
  const lead = item.children[0];
  return lead && lead.type !== "list" ? squash(plainText(lead)) : "";
}

/** Rows of a timeline list; nested items count when they carry their own date ("January 31 2020 - checkpoint"). */
export function listRows(list: List): RawRow[] {
  const rows: RawRow[] = [];
  for (const item of list.children) {
    const row = splitRowText(itemLead(item));
    if (row) rows.push({ ...row, line: lineOf(item) });
    for (const child of item.children) if (child.type === "list") rows.push(...listRows(child));
  }
  return rows;
}

/** Reads the rows' dates and phase kinds; date problems become findings on the row's line. */
export function resolveTimeline(rows: RawRow[], context: DateContext): { rows: ParsedTimelineRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const parsed = rows.map((row): ParsedTimelineRow => {
    const range = parseDateRange(row.text, context);
    for (const problem of range.problems) {
      findings.push(finding(problem.rule, row.line, `"${row.text}": ${problem.message}`));
    }
    return { activity: row.activity, kind: phaseKindOf(row.activity), text: row.text, start: range.start, end: range.end, line: row.line };
  });
  return { rows: parsed, findings };
}
