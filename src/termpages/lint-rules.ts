import type { Finding, Severity } from "./types.ts";

/** One lint rule: a stable kebab-case name, its severity and what it reports. */
export interface LintRule {
  name: string;
  severity: Severity;
  description: string;
}

/** Every rule the term-page linter reports, for docs and `cohort lint --rules`. */
export const LINT_RULES = [
  { name: "missing-title", severity: "error", description: "The page has projects or a timeline but no title heading." },
  { name: "missing-status", severity: "info", description: "The page has a timeline but no `Status:` line." },
  { name: "toc-missing-project", severity: "warning", description: "A project in the body is not listed in the table of contents." },
  { name: "toc-missing-organization", severity: "warning", description: "An organization in the body is not listed in the table of contents." },
  { name: "toc-orphan-entry", severity: "warning", description: "A table of contents entry points to no heading of the page." },
  { name: "toc-broken-anchor", severity: "info", description: "A table of contents entry names a heading but its anchor is not that heading's GitHub anchor." },
  { name: "heading-level", severity: "warning", description: "An organization or project heading is at a level that does not fit the page's outline." },
  { name: "shared-heading", severity: "warning", description: "Several projects follow one heading; each project needs its own heading." },
  {
    name: "field-label-variant",
    severity: "info",
    description: "A field label is spelled differently from the canonical label (e.g. `Mentors(s)` for `Mentor(s)`).",
  },
  { name: "unknown-field", severity: "info", description: "A project field label the canonical format has no slot for; it is kept as an extra field." },
  { name: "missing-description", severity: "warning", description: "A project has no Description." },
  { name: "missing-expected-outcome", severity: "info", description: "A project has no Expected Outcome." },
  { name: "missing-skills", severity: "warning", description: "A project has no Recommended Skills." },
  { name: "missing-mentor", severity: "error", description: "A project names no mentor." },
  { name: "missing-upstream-issue", severity: "warning", description: "A project links no upstream issue." },
  { name: "missing-program-link", severity: "warning", description: "A project has no external program link (LFX URL)." },
  { name: "malformed-email", severity: "error", description: "A mentor email is not a valid address." },
  { name: "obfuscated-email", severity: "info", description: "A mentor email is written obfuscated (`name at domain dot com`); it was read as an address." },
  { name: "malformed-url", severity: "error", description: "An upstream issue or program link is not a valid http(s) URL." },
  { name: "unexpected-program-link", severity: "info", description: "The program link does not point to the LFX Mentorship platform." },
  {
    name: "wrong-zone-abbreviation",
    severity: "warning",
    description: "A zone abbreviation contradicts the date (e.g. PST for a date in August); the zone database decides.",
  },
  { name: "unreadable-date", severity: "error", description: "A timeline date cannot be read or does not exist (e.g. November 31st); its instants are null." },
  {
    name: "inferred-term-end",
    severity: "warning",
    description:
      "The row that ends the term cannot be read; its end is taken from what the page does say (the month it names, the other phases, the duration, the title's month and year).",
  },
  { name: "weekday-mismatch", severity: "warning", description: "A weekday written with a date is not that date's weekday." },
  { name: "duplicate-project", severity: "warning", description: "Two projects share a title in one organization, or share a program link." },
  { name: "status-contradicts-timeline", severity: "warning", description: "The `Status:` line contradicts the timeline at the time of linting." },
  {
    name: "field-too-long",
    severity: "error",
    description: "A project field is longer than Cohort stores (e.g. a description over 20,000 characters); the import refuses the page.",
  },
  {
    name: "nesting-too-deep",
    severity: "error",
    description:
      "A project field nests block quotes or lists more than 16 deep; the import refuses the page. (A whole page nested so deep is not read at all.)",
  },
  {
    name: "too-many-blocks",
    severity: "error",
    description: "A project field opens more than 200 block quotes and list items; the import refuses the page.",
  },
] as const satisfies readonly LintRule[];

/** Name of a rule in LINT_RULES. */
export type LintRuleName = (typeof LINT_RULES)[number]["name"];

const SEVERITY = new Map<string, Severity>(LINT_RULES.map((rule) => [rule.name, rule.severity]));

/** Builds a finding with the rule's catalogued severity. */
export function finding(rule: LintRuleName, line: number, message: string): Finding {
  return { rule, severity: SEVERITY.get(rule) ?? "warning", line, message };
}
