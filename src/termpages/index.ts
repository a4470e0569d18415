/**
 * The term-page library: read, lint and write the Markdown pages programs publish for each term.
 * Pure: no database, no HTTP, no process exit; only a text that is not a term page throws (TermPageError).
 *
 * Choices the pages leave open, decided here:
 * - Timeline instants are ISO 8601 UTC strings. A date without a time starts at midnight in the term's
 *   zone and, as the end of a row, ends at the next midnight, exclusive ("Friday Aug 30" ends
 *   2024-08-31T07:00:00.000Z), as a stated deadline is exclusive ("5:00 PM PDT" refuses 17:00:00.000).
 *   A zone stated once in a row applies to both ends of its range.
 * - A zone abbreviation that contradicts the date ("5:00 PM PST" in August) is reported
 *   (`wrong-zone-abbreviation`) and the wall-clock time is read in the zone the abbreviation names,
 *   as the zone database has it on that date (5:00 PM PDT). An impossible date ("November 31st") is
 *   reported (`unreadable-date`) and gives null, never a guess, except in the row that ends the term:
 *   that end is taken from what the page does say (the month the row names, the other phases, the
 *   duration, the title's month and year) and reported (`inferred-term-end`).
 * - Missing fields are one rule per field (`missing-description`, `missing-mentor`, ...), so a program can
 *   silence the ones its format does not use (`missing-expected-outcome` before 2023).
 * - The canonical page writes mentors `Name (@handle, <email>)`: the "@" keeps a handle apart from a
 *   remark in parentheses ("Kevin (Zefeng) Wang") when the page is read back.
 * - The Markdown parser is given only what it reads in reasonable time: a page over 512 KB, nesting
 *   block quotes or lists more than 16 deep, or opening more than 2,500 of them is refused (TermPageError
 *   naming the line); a project field over its length or nesting bounds is an error finding
 *   (`field-too-long`, `nesting-too-deep`, `too-many-blocks`) and the import refuses it.
 */

export { parseDateRange } from "./dates.ts";
export { TermPageError } from "./errors.ts";
export { toParseJson } from "./json.ts";
export { type BoundsProblem, MAX_FIELD_CONTAINERS, MAX_FIELD_LENGTH, markdownProblem, projectFieldProblems } from "./limits.ts";
export { LINT_RULES, type LintRule, type LintRuleName } from "./lint-rules.ts";
export { remarkWithoutRescans } from "./markdown.ts";
export { parseTermPage } from "./parse.ts";
export { phaseKindOf } from "./phase-kinds.ts";
export { extractSkills, normalizeSkill, readSkills, skillLabels } from "./skills.ts";
export { durationWeeks } from "./term-end.ts";
export type * from "./types.ts";
export { writeTermPage } from "./write.ts";
