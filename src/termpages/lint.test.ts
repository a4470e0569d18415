import { describe, expect, it } from "vitest";
import { LINT_RULES } from "./lint-rules.ts";
import { parseTermPage } from "./parse.ts";

const NOW = new Date("2026-08-05T00:00:00Z");
const lint = (markdown: string, now = NOW) => parseTermPage(markdown, { now }).findings;
const rules = (markdown: string, now = NOW) => lint(markdown, now).map((f) => `${f.rule}@${f.line}`);

const FULL = `- Description: Does things.
- Expected Outcome: Things done.
- Recommended Skills: Go
- Mentor(s):
  - Ada Lovelace (@ada, <ada@example.org>)
- Upstream Issue: https://github.com/example/repo/issues/1`;

const project = (title: string, lfx: string, extra = "") =>
  `#### ${title}\n\n${FULL}\n- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/${lfx}\n${extra}`;

describe("LINT_RULES", () => {
  it("lists stable kebab-case names, each once, with a severity and a description", () => {
    const names: string[] = LINT_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of LINT_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    for (const required of [
      "toc-missing-project",
      "toc-orphan-entry",
      "heading-level",
      "field-label-variant",
      "missing-description",
      "missing-mentor",
      "missing-upstream-issue",
      "missing-program-link",
      "malformed-email",
      "malformed-url",
      "wrong-zone-abbreviation",
      "unreadable-date",
      "duplicate-project",
      "status-contradicts-timeline",
    ]) {
      expect(names).toContain(required);
    }
  });

  it("gives every finding the severity of its rule", () => {
    const severity = new Map<string, string>(LINT_RULES.map((rule) => [rule.name, rule.severity]));
    const findings = lint(`# T\n\n### Org\n\n#### P\n\n- Mentors(s): Ada <bad@x>\n- Upstream Issue: github.com/x/y/issues/1\n`);
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings) expect(finding.severity).toBe(severity.get(finding.rule));
  });
});

describe("lint rules", () => {
  it("is silent on a clean canonical page", () => {
    const page = `# Term 01 - 2026 March - May\n\nStatus: Complete\n\n### Timeline\n\n| activity | date |\n| --- | --- |\n| Last day of term | Friday, May 29, 2026 |\n\n## Accepted projects\n\n- [Org](#org)\n  - [One](#one)\n\n### Org\n\n${project("One", "1")}`;
    expect(lint(page)).toEqual([]);
  });

  it("toc-missing-project, toc-missing-organization, toc-orphan-entry and toc-broken-anchor", () => {
    const page = `# T\n\n- [Org](#org)\n  - [One](#one)\n  - [Gone](#gone)\n  - [Two & Three](#two-three)\n\n### Org\n\n${project("One", "1")}\n${project("Two & Three", "2")}\n### Other\n\n${project("Four", "4")}`;
    expect(rules(page)).toEqual(["toc-orphan-entry@5", "toc-broken-anchor@6", "toc-missing-organization@30", "toc-missing-project@32"]);
    expect(lint(page)[1]?.message).toBe('"Two & Three" links #two-three; the heading\'s anchor is #two--three');
  });

  it("heading-level: a project at its organization's level, or two levels down", () => {
    const page = `# T\n\n### Org\n\n### Same level\n\n${FULL}\n- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/1\n\n##### Too deep\n\n${FULL}\n- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/2\n`;
    expect(rules(page)).toEqual(["heading-level@5", "heading-level@15"]);
    expect(parseTermPage(page).organizations.map((org) => [org.name, org.projects.length])).toEqual([["Org", 2]]);
  });

  it("field-label-variant names the label as written and the canonical one", () => {
    const page = `# T\n\n### Org\n\n#### P\n\n- **Description**: x\n- Expected outcome: y\n- Recommend Skills: Go\n- Metor(s): Ada (@ada, <a@example.org>)\n- Upstream Issue (URL): https://github.com/x/y/issues/1\n- Apply: https://mentorship.lfx.linuxfoundation.org/project/1\n`;
    expect(lint(page).map((f) => [f.rule, f.line, f.message])).toEqual([
      ["field-label-variant", 8, '"Expected outcome" is written for "Expected Outcome"'],
      ["field-label-variant", 9, '"Recommend Skills" is written for "Recommended Skills"'],
      ["field-label-variant", 10, '"Metor(s)" is written for "Mentor(s)"'],
      ["field-label-variant", 11, '"Upstream Issue (URL)" is written for "Upstream Issue" or "Upstream Issues"'],
      ["field-label-variant", 12, '"Apply" is written for "LFX URL"'],
    ]);
  });

  it("missing-* rules, one per absent field", () => {
    const page = "# T\n\n### Org\n\n#### Bare\n\n- Mentor(s): TBD\n- Mentee: someone\n";
    expect(rules(page)).toEqual([
      "missing-description@5",
      "missing-expected-outcome@5",
      "missing-skills@5",
      "missing-mentor@5",
      "missing-upstream-issue@5",
      "missing-program-link@5",
      "unknown-field@8",
    ]);
  });

  it("malformed-email, obfuscated-email, malformed-url and unexpected-program-link", () => {
    const page = `# T\n\n### Org\n\n#### P\n\n${FULL.replace("<ada@example.org>", "mailtoada@example.org")}\n- Mentor(s): Bo (@bo, bo at example dot org), Cy (@cy, cy@localhost)\n- Upstream Issue: github.com/example/repo/issues/2 and https://exa mple.org\n- LFX URL: https://example.org/apply\n`;
    expect(rules(page)).toEqual([
      "unexpected-program-link@5",
      "malformed-email@11",
      "malformed-email@13",
      "obfuscated-email@13",
      "malformed-url@14",
      "malformed-url@14",
    ]);
    expect(parseTermPage(page).organizations[0]?.projects[0]?.mentors.map((m) => m.email)).toEqual(["mailtoada@example.org", "bo@example.org", "cy@localhost"]);
  });

  it("duplicate-project: a repeated title in one organization, or a shared LFX URL", () => {
    const page = `# T\n\n### Org\n\n${project("One", "1")}\n${project("One", "2")}\n### Other\n\n${project("Another", "1")}`;
    expect(rules(page)).toEqual(["duplicate-project@15", "duplicate-project@27"]);
  });

  it("wrong-zone-abbreviation, unreadable-date and weekday-mismatch point at the timeline row", () => {
    const page = `# Term 2024\n\nStatus: Complete\n\n| activity | date |\n| --- | --- |\n| final evaluations | Wed Aug 28, 5:00 PM PST |\n| term | September 1st - November 31st |\n| start | Monday June 18 |\n`;
    expect(rules(page)).toEqual(["wrong-zone-abbreviation@7", "unreadable-date@8", "inferred-term-end@8", "weekday-mismatch@9"]);
  });

  it("status-contradicts-timeline compares the status line with the timeline at the given time", () => {
    const page = (status: string) =>
      `# Term 2024\n\nStatus: ${status}\n\n| activity | date |\n| --- | --- |\n| mentee applications open | May 13 - May 28, 5:00 PM PDT |\n| Mentorship program begins | June 17 |\n| Last day of term | Aug 30 |\n`;
    const at = (iso: string) => new Date(iso);
    expect(rules(page("Complete"), at("2024-08-30T12:00:00Z"))).toEqual(["status-contradicts-timeline@3"]);
    expect(rules(page("Complete"), at("2024-08-31T07:00:00Z"))).toEqual([]);
    expect(rules(page("Accepting Applications"), at("2024-05-20T00:00:00Z"))).toEqual([]);
    expect(rules(page("Accepting Applications"), at("2024-07-01T00:00:00Z"))).toEqual(["status-contradicts-timeline@3"]);
    expect(rules(page("Planning"), at("2024-07-01T00:00:00Z"))).toEqual(["status-contradicts-timeline@3"]);
    expect(rules(page("Ongoing"), at("2024-07-01T00:00:00Z"))).toEqual([]);
    expect(rules(page("Ongoing"), at("2024-09-01T00:00:00Z"))).toEqual(["status-contradicts-timeline@3"]);
  });

  it("missing-title and missing-status", () => {
    expect(rules(`### Org\n\n${project("One", "1")}`)).toEqual(["missing-title@1"]);
    expect(rules("# T\n\n| activity | date |\n| --- | --- |\n| Last day of term | May 29, 2026 |\n")).toEqual(["missing-status@1"]);
  });
});
