import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedCorpusDir, markdownFiles, sharedCorpusDir, structure } from "../../test/fixtures/termpages/index.ts";
import { termStatusAt } from "../domain/term-status.ts";
import { termDisplayTitle } from "../domain/term-title.ts";
import { phasesInDateOrder, type TermTimeline } from "../domain/timeline.ts";
import { TermPageJson } from "../schemas/term-page.ts";
import { toParseJson } from "./json.ts";
import { LINT_RULES } from "./lint-rules.ts";
import { parseTermPage } from "./parse.ts";
import { writeTermPage } from "./write.ts";

// The whole corpus lives beside the repository (../shared/corpus); a fresh clone has only the fixtures.
// CI always has it beside the clone, so there a missing corpus is a broken path, not a reason to skip.
const corpus = sharedCorpusDir();
if (!corpus && process.env.CI === "true") {
  throw new Error(`The term-page corpus was not found at ${expectedCorpusDir()}: CI must have it beside the repository root.`);
}
const files = corpus ? markdownFiles(corpus) : [];
const title = corpus
  ? `the whole corpus (${files.length} pages in ${corpus})`
  : `the whole corpus (skipped: ${expectedCorpusDir()} not found beside the repository root)`;
const NOW = new Date("2026-08-05T00:00:00Z");
const LFX_DIR = path.join(corpus ?? "", "cncf-mentoring", "programs", "lfx-mentorship");

// Projects per page, counted before organizations written a level too deep were read as their own:
// reading them moves projects between organizations, never adds or drops one.
const PROJECT_COUNTS: Record<string, number> = {
  "2019/README.md": 4,
  "2020/q1/README.md": 7,
  "2020/q1/project_ideas.md": 17,
  "2020/q2/README.md": 0,
  "2020/q2/project_ideas.md": 31,
  "2020/q2/selected_projects.md": 21,
  "2020/q3-q4/README.md": 0,
  "2020/q3-q4/project_ideas.md": 23,
  "2020/q3-q4/selected_projects.md": 23,
  "2021/01-Spring/README.md": 38,
  "2021/01-Spring/project_ideas.md": 40,
  "2021/02-Summer/README.md": 20,
  "2021/02-Summer/project_ideas.md": 22,
  "2021/03-Fall/README.md": 34,
  "2021/03-Fall/project_ideas.md": 34,
  "2022/01-Spring/README.md": 42,
  "2022/01-Spring/project_ideas.md": 42,
  "2022/02-Summer/README.md": 31,
  "2022/02-Summer/project_ideas.md": 0,
  "2022/03-Sept-Nov/README.md": 29,
  "2022/03-Sept-Nov/project_ideas.md": 0,
  "2023/01-Mar-May/README.md": 65,
  "2023/01-Mar-May/project_ideas.md": 0,
  "2023/02-Jun-Aug/README.md": 38,
  "2023/02-Jun-Aug/project_ideas.md": 0,
  "2023/03-Sep-Nov/README.md": 43,
  "2023/03-Sep-Nov/project_ideas.md": 0,
  "2024/01-Mar-May/README.md": 56,
  "2024/01-Mar-May/project_ideas.md": 0,
  "2024/02-Jun-Aug/README.md": 48,
  "2024/02-Jun-Aug/project_ideas.md": 0,
  "2024/03-Sep-Nov/README.md": 49,
  "2024/03-Sep-Nov/project_ideas.md": 0,
  "2025/01-Mar-May/README.md": 67,
  "2025/01-Mar-May/project_ideas.md": 0,
  "2025/02-Jun-Aug/README.md": 57,
  "2025/02-Jun-Aug/project_ideas.md": 0,
  "2025/03-Sep-Nov/README.md": 65,
  "2025/03-Sep-Nov/project_ideas.md": 0,
  "2026/01-Mar-May/README.md": 72,
  "2026/01-Mar-May/project_ideas.md": 0,
  "2026/02-Jun-Aug/README.md": 65,
  "2026/02-Jun-Aug/project_ideas.md": 0,
  "2026/03-Sep-Nov/README.md": 59,
  "2026/03-Sep-Nov/project_ideas.md": 0,
};
const RULES = new Set<string>(LINT_RULES.map((rule) => rule.name));

describe.skipIf(!corpus)(title, () => {
  it("holds the 45 LFX term pages", () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
  });

  it.each(files.map((file) => [path.relative(corpus ?? "", file), file]))("%s parses, lints and round-trips", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const before = process.cpuUsage();
    const parsed = parseTermPage(text, { fileName: file, now: NOW });
    const spent = process.cpuUsage(before);
    // CPU time, and generous: the largest real pages (160 KB) take a few hundred milliseconds, more
    // on a busy machine or a cold JIT; a runaway pattern takes tens of seconds.
    expect((spent.user + spent.system) / 1000).toBeLessThan(3000);
    expect(parsed.organizations.reduce((sum, org) => sum + org.projects.length, 0)).toBe(PROJECT_COUNTS[path.relative(LFX_DIR, file)]);
    const lines = text.split("\n").length;
    for (const finding of parsed.findings) {
      expect(RULES.has(finding.rule)).toBe(true);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(lines);
    }
    expect(TermPageJson.safeParse(toParseJson(parsed)).success).toBe(true);
    const written = writeTermPage(parsed);
    const reread = parseTermPage(written, { fileName: file, now: NOW });
    expect(writeTermPage(reread)).toBe(written);
    expect(structure(reread)).toEqual(structure(parsed));
    expect(reread.timeline.map(({ line: _line, ...row }) => row)).toEqual(parsed.timeline.map(({ line: _line, ...row }) => row));
  });
});

/** A parsed page's timeline as the domain reads it once imported. */
function timelineOf(page: ReturnType<typeof parseTermPage>): TermTimeline {
  const phases = page.timeline.map((row) => ({
    kind: row.kind,
    activity: row.activity,
    text: row.text,
    startsAt: row.start ? new Date(row.start) : null,
    endsAt: row.end ? new Date(row.end) : null,
  }));
  return { title: page.title, timeZone: page.timeZone, phases };
}

/** A page of the corpus by its path under the LFX Mentorship directory. */
function corpusPage(page: string, now = NOW) {
  const file = path.join(LFX_DIR, page);
  return parseTermPage(readFileSync(file, "utf8"), { fileName: file, now });
}

describe.skipIf(!corpus)("what a visitor saw wrong, on the real pages", () => {
  it("Q3 - Fall'2021 ends on November 30th, not never, and is complete in December 2026", () => {
    const december = new Date("2026-12-01T00:00:00Z");
    const page = corpusPage("2021/03-Fall/README.md", december);
    expect(page.timeline[0]).toMatchObject({ text: "September 1st - November 31st", end: "2021-12-01T08:00:00.000Z" });
    expect(page.findings.filter((f) => f.rule === "inferred-term-end").map((f) => f.line)).toEqual([7]);
    expect(termStatusAt(timelineOf(page), december)).toBe("complete");
  });

  it("lists Q3 - Fall'2021's timeline in the order of its dates, the term's span last as it comes last", () => {
    const page = corpusPage("2021/03-Fall/README.md");
    expect(page.timeline.map((row) => row.line)).toEqual([7, 9, 10, 11]);
    expect(phasesInDateOrder(timelineOf(page).phases).map((phase) => phase.activity)).toEqual([
      "mentorships available on LFX Mentorship",
      "applications open",
      "application review/admission decisions/HR paperwork",
      "Fall Term",
    ]);
  });

  it.each([
    ["2021/01-Spring/README.md", "Q1 2021 (March – May)"],
    ["2021/02-Summer/README.md", "Q2 2021 (June – August)"],
    ["2022/01-Spring/README.md", "Q1 2022 (March – May)"],
    ["2022/02-Summer/README.md", "Q2 2022 (June – August)"],
    ["2020/q1/README.md", "Q1 (December 2019 – April 2020)"],
    ["2021/03-Fall/README.md", "Q3 - Fall'2021"],
  ])("%s is shown as %s", (file, shown) => {
    const page = corpusPage(file);
    expect(termDisplayTitle(page.title, timelineOf(page))).toBe(shown);
  });

  it("pins the project count of every page (each page's own test checks it)", () => {
    expect(files.map((file) => path.relative(LFX_DIR, file)).sort()).toEqual(Object.keys(PROJECT_COUNTS).sort());
  });

  it.each([
    ["2025/03-Sep-Nov/README.md", "Kyverno", 3, "kube-burner", ["Enhancements around k8s performance testing"]],
    [
      "2023/01-Mar-May/README.md",
      "KubeEdge",
      3,
      "Meshery",
      ["Distributed workflow engine", "Multi-user cloud native playground", "Distributed client-side policy evaluation in WASM and Rego"],
    ],
    ["2021/01-Spring/project_ideas.md", "Envoy", 1, "Open Service Mesh", ["Support for WebAssembly filters"]],
    ["2021/01-Spring/project_ideas.md", "Envoy", 1, "Service Mesh Interface", ["Support for Multi-Cluster Operations"]],
  ] as const)("%s: %s keeps %i projects and %s is its own organization", (page, parent, kept, name, titles) => {
    const parsed = corpusPage(page);
    expect(parsed.organizations.find((org) => org.name === parent)?.projects).toHaveLength(kept);
    const lifted = parsed.organizations.find((org) => org.name === name);
    expect(lifted?.projects.map((project) => [project.title, project.group ?? null])).toEqual(titles.map((title) => [title, null]));
  });
});
