import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/fixtures/termpages/index.ts";
import { TermPageError } from "./errors.ts";
import { parseTermPage } from "./parse.ts";
import type { ParsedTermPage } from "./types.ts";
import { writeTermPage } from "./write.ts";

// Smaller real pages keep a run quick; together they hold tables, bullets, sub-groups and every label style.
const PAGES = ["2019/README.md", "2020/q3-q4/README.md", "2021/03-Fall/README.md", "2024/02-Jun-Aug/README.md"].map((name) => {
  const lines = fixture(name).split("\n");
  // The 2024 page is long; its first 260 lines hold the timeline, the contents and a dozen projects.
  return lines.slice(0, 260);
});

const INJECTIONS = [
  "<div>",
  "</div>",
  "<!-- unclosed comment",
  "<script>alert(1)</script>",
  "```",
  "~~~js",
  "| a | b |\n| --- | --- |",
  "> ",
  "- Mentor(s): (((@@@, <<<>>>",
  "- Description:",
  "- LFX URL: http://[::1",
  "[x](#",
  "\u0001\u0002\u0003",
  "\u001b[31m",
  "\u200b\u202e",
  "\r",
  "\t\t\t- ",
  "#".repeat(7),
  "Status: Complete",
  "| activity | date |\n| --- | --- |\n| x | Feb 30, 25:61 PM XYZ - - - |",
  "Mon Tue Wed 1st 2nd 3rd - to - through",
  "(".repeat(200),
  "*".repeat(300),
];

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Cut a run of lines.
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(
    ([at, count]): Mutation =>
      (lines) => {
        const start = at % (lines.length + 1);
        return [...lines.slice(0, start), ...lines.slice(start + count)];
      },
  ),
  // Swap two lines (often a heading with something else).
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Mutation =>
      (lines) => {
        const out = [...lines];
        const i = a % Math.max(1, out.length);
        const j = b % Math.max(1, out.length);
        [out[i], out[j]] = [out[j] ?? "", out[i] ?? ""];
        return out;
      },
  ),
  // Move a heading up or down some levels.
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(
    ([at, shift]): Mutation =>
      (lines) => {
        const headings = lines.flatMap((line, index) => (/^#{1,6} /.test(line) ? [index] : []));
        if (headings.length === 0) return lines;
        const index = headings[at % headings.length] as number;
        const line = lines[index] ?? "";
        const level = Math.min(6, Math.max(1, (/^#+/.exec(line)?.[0].length ?? 1) + shift));
        return lines.map((text, i) => (i === index ? `${"#".repeat(level)}${line.replace(/^#+/, "")}` : text));
      },
  ),
  // Inject HTML, control characters, stray Markdown.
  fc.tuple(fc.nat(), fc.constantFrom(...INJECTIONS), fc.nat()).map(
    ([at, text, column]): Mutation =>
      (lines) => {
        const index = at % Math.max(1, lines.length);
        const line = lines[index] ?? "";
        const cut = column % (line.length + 1);
        return lines.map((l, i) => (i === index ? `${line.slice(0, cut)}${text}${line.slice(cut)}` : l));
      },
  ),
  // Random characters anywhere.
  fc.tuple(fc.nat(), fc.string({ unit: "binary", maxLength: 30 })).map(
    ([at, text]): Mutation =>
      (lines) => {
        const index = at % Math.max(1, lines.length);
        return lines.map((l, i) => (i === index ? `${l}${text}` : l));
      },
  ),
  // Duplicate a run of lines.
  fc.tuple(fc.nat(), fc.nat({ max: 30 })).map(
    ([at, count]): Mutation =>
      (lines) => {
        const start = at % (lines.length + 1);
        return [...lines.slice(0, start + count), ...lines.slice(start, start + count), ...lines.slice(start + count)];
      },
  ),
);

const page = fc
  .tuple(fc.constantFrom(...PAGES.keys()), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(), { nil: undefined }))
  .map(([which, mutations, truncateAt]) => {
    let lines = PAGES[which] as string[];
    for (const mutate of mutations) lines = mutate(lines);
    const text = lines.join("\n");
    // Truncate anywhere, even inside a line or a surrogate pair.
    return truncateAt === undefined ? text : text.slice(0, truncateAt % (text.length + 1));
  });

/** Parses, allowing only TermPageError; returns the page or null. */
function tryParse(text: string): ParsedTermPage | null {
  try {
    return parseTermPage(text, { now: new Date("2026-08-05T00:00:00Z") });
  } catch (error) {
    expect(error).toBeInstanceOf(TermPageError);
    expect((error as Error).message).not.toContain("\n");
    return null;
  }
}

describe("random corruptions of real pages", () => {
  it("never crash the parser with anything but TermPageError, and parse in well under a second", () => {
    fc.assert(
      fc.property(page, (text) => {
        const before = process.cpuUsage();
        const parsed = tryParse(text);
        const spent = process.cpuUsage(before);
        // CPU time, generous: catches runaway backtracking, not a busy machine.
        expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
        if (parsed) for (const finding of parsed.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it("still write a page that reads back and writes the same", () => {
    fc.assert(
      fc.property(page, (text) => {
        const parsed = tryParse(text);
        if (!parsed) return;
        const written = writeTermPage(parsed);
        const reread = parseTermPage(written, { now: new Date("2026-08-05T00:00:00Z") });
        expect(writeTermPage(reread)).toBe(written);
      }),
      { numRuns: 100 },
    );
  });

  it("reject what is not a term page with TermPageError", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((text) => !/[#|]/.test(text) && !/^\s*\S+\s*$/.test(text)),
        (text) => {
          const parsed = tryParse(text);
          // Without a heading or a table there is no title and no timeline; nothing else may come back.
          if (parsed) expect(parsed.organizations.length + parsed.timeline.length + parsed.title.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
