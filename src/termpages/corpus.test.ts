import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedCorpusDir, markdownFiles, sharedCorpusDir, structure } from "../../test/fixtures/termpages/index.ts";
import { termStatusAt } from "../domain/term-status.ts";
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

/** A page of the corpus by its path under the LFX Mentorship directory. */
function corpusPage(page: string, now = NOW) {
  const file = path.join(corpus ?? "", "cncf-mentoring", "programs", "lfx-mentorship", page);
  return parseTermPage(readFileSync(file, "utf8"), { fileName: file, now });
}

describe.skipIf(!corpus)("what a visitor saw wrong, on the real pages", () => {
  it("Q3 - Fall'2021 ends on November 30th, not never, and is complete in December 2026", () => {
    const december = new Date("2026-12-01T00:00:00Z");
    const page = corpusPage("2021/03-Fall/README.md", december);
    expect(page.timeline[0]).toMatchObject({ text: "September 1st - November 31st", end: "2021-12-01T08:00:00.000Z" });
    expect(page.findings.filter((f) => f.rule === "inferred-term-end").map((f) => f.line)).toEqual([7]);
    const phases = page.timeline.map((row) => ({
      kind: row.kind,
      activity: row.activity,
      text: row.text,
      startsAt: row.start ? new Date(row.start) : null,
      endsAt: row.end ? new Date(row.end) : null,
    }));
    expect(termStatusAt({ title: page.title, timeZone: page.timeZone, phases }, december)).toBe("complete");
  });
});
