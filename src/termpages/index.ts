/** The term-page library: read, lint and write the Markdown pages programs publish for each term. */
export { TermPageError } from "./errors.ts";
export { toParseJson } from "./json.ts";
export { LINT_RULES, type LintRule, type LintRuleName } from "./lint-rules.ts";
export { parseTermPage } from "./parse.ts";
export { extractSkills, normalizeSkill } from "./skills.ts";
export type * from "./types.ts";
export { writeTermPage } from "./write.ts";
