/**
 * Bounds on what the Markdown parser is given. remark (micromark) recurses once per nested block
 * quote or list, and moves its event list on every container it closes, so nesting thousands deep
 * overflows the stack and thousands of small block quotes take seconds: a page is measured on its
 * raw lines, in one pass, before anything parses it.
 */

import { TermPageError } from "./errors.ts";
import type { ProjectData } from "./types.ts";

/** The longest page the library reads, in characters; the largest real term page is about 160 KB. */
export const MAX_PAGE_LENGTH = 512 * 1024;

/** The deepest nesting of block quotes and lists read; real pages nest lists at most five deep. */
export const MAX_NESTING = 16;

/**
 * The most block quotes and list items a page may open: micromark's work grows with their
 * number squared. The largest real page opens about 1,200.
 */
export const MAX_PAGE_CONTAINERS = 2500;

/** The most block quotes and list items one field may open; real fields open at most 30. */
export const MAX_FIELD_CONTAINERS = 200;

/** The longest each project field may be, in characters: several times the longest real one. */
export const MAX_FIELD_LENGTH = {
  title: 300,
  group: 300,
  intro: 5000,
  description: 20000,
  expectedOutcome: 10000,
  skillsText: 2000,
  extraField: 10000,
} as const;

/** The shape of a Markdown text's containers, measured on its lines. */
export interface ContainerShape {
  /** The deepest nesting of block quotes and list items on any line (an upper bound). */
  depth: number;
  /** 1-based line where that depth is first reached. */
  depthLine: number;
  /** Block quotes and list items opened (an upper bound). */
  containers: number;
}

// A list marker ("-", "*", "+", "1.", "1)") followed by a space, a tab or the end of the line.
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * Measures nesting without parsing: per line, the `>` markers and list markers that open its
 * prefix, and the list items still open by indentation. It never counts less than CommonMark
 * nests (a column is counted at its smallest), so a bound on it bounds the parser.
 */
export function containerShape(text: string): ContainerShape {
  const shape: ContainerShape = { depth: 0, depthLine: 1, containers: 0 };
  // Content columns of the list items open, at their smallest (marker width plus one space).
  const open: number[] = [];
  let previousQuotes = 0;
  let previousBlank = true;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let column = 0;
    let index = start;
    let quotes = 0;
    let firstMarker = -1;
    const markers: number[] = [];
    for (;;) {
      while (index < end && (text[index] === " " || text[index] === "\t")) {
        column = text[index] === "\t" ? column + 4 - (column % 4) : column + 1;
        index += 1;
      }
      if (text[index] === ">" && index < end) {
        quotes += 1;
        column += 1;
        index += 1;
        continue;
      }
      const marker = LIST_MARKER.exec(text.slice(index, Math.min(end, index + 11)));
      if (!marker) break;
      if (firstMarker === -1) firstMarker = column;
      markers.push(column + marker[0].length + 1);
      column += marker[0].length;
      index += marker[0].length;
    }
    // A line of markers alone (">>>>") still opens them.
    const blank = index >= end && quotes === 0 && markers.length === 0;
    // A list marker, or any line after a blank one, closes the items it is not indented into;
    // other lines may be lazy continuations, which close nothing.
    const closeAt = firstMarker !== -1 ? firstMarker : !blank && previousBlank ? column : -1;
    if (closeAt !== -1) while (open.length > 0 && (open[open.length - 1] as number) > closeAt) open.pop();
    open.push(...markers);
    if (!blank) {
      shape.containers += markers.length + Math.max(0, quotes - (previousBlank ? 0 : previousQuotes));
      const depth = quotes + open.length;
      if (depth > shape.depth) {
        shape.depth = depth;
        shape.depthLine = line;
      }
    }
    previousQuotes = blank ? 0 : quotes;
    previousBlank = blank;
    line += 1;
    start = end + 1;
  }
  return shape;
}

const count = (n: number) => n.toLocaleString("en-US");

/** The lint rule of each way a text can be over its bounds. */
export type BoundsRule = "field-too-long" | "nesting-too-deep" | "too-many-blocks";

/** What is over its bounds in a text, in words after the text's name. */
export interface BoundsProblem {
  rule: BoundsRule;
  /** "is 250,000 characters long; at most 20,000", "nests block quotes or lists 5,000 deep on its line 1; at most 16". */
  text: string;
}

/** What makes a Markdown text too costly to parse or render, or null when it is within bounds. */
export function markdownProblem(text: string, maxLength: number, maxContainers: number): BoundsProblem | null {
  if (text.length > maxLength) return { rule: "field-too-long", text: `is ${count(text.length)} characters long; at most ${count(maxLength)}` };
  const shape = containerShape(text);
  if (shape.depth > MAX_NESTING) {
    return { rule: "nesting-too-deep", text: `nests block quotes or lists ${count(shape.depth)} deep on its line ${shape.depthLine}; at most ${MAX_NESTING}` };
  }
  if (shape.containers > maxContainers) {
    return { rule: "too-many-blocks", text: `opens ${count(shape.containers)} block quotes and list items; at most ${count(maxContainers)}` };
  }
  return null;
}

/** Refuses, before it is parsed, a page the parser could not read in reasonable time. */
export function checkPageBounds(text: string, fileName?: string): void {
  const problem = markdownProblem(text, MAX_PAGE_LENGTH, MAX_PAGE_CONTAINERS);
  if (problem) throw new TermPageError(`the page ${problem.text}: shorten, split or flatten it, then try again`, fileName);
}

/** One project field over its bounds. */
export interface FieldProblem {
  rule: BoundsRule;
  /** The field in words: "the description", "the extra field \"Mentee\"". */
  field: string;
  message: string;
}

/** The fields of a project that are too long or nest too deep to store and render. */
export function projectFieldProblems(project: ProjectData): FieldProblem[] {
  const fields: Array<[string, string | null | undefined, number]> = [
    ["the title", project.title, MAX_FIELD_LENGTH.title],
    ["the group", project.group, MAX_FIELD_LENGTH.group],
    ["the text before the fields", project.intro, MAX_FIELD_LENGTH.intro],
    ["the description", project.description, MAX_FIELD_LENGTH.description],
    ["the expected outcome", project.expectedOutcome, MAX_FIELD_LENGTH.expectedOutcome],
    ["the recommended skills", project.skillsText, MAX_FIELD_LENGTH.skillsText],
    ...(project.extraFields ?? []).map((extra): [string, string, number] => [`the field "${extra.label}"`, extra.text, MAX_FIELD_LENGTH.extraField]),
  ];
  const problems: FieldProblem[] = [];
  for (const [field, text, maxLength] of fields) {
    const problem = text ? markdownProblem(text, maxLength, MAX_FIELD_CONTAINERS) : null;
    if (problem) problems.push({ rule: problem.rule, field, message: `${field} ${problem.text}` });
  }
  return problems;
}
