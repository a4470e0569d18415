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

// Fixed, so that a run in CI is repeatable: a random seed made CI fail once in a while on a
// known case (below). Change it locally to explore other corruptions.
const SEED = 20261201;

// A hundred or more parses of pages up to 150 KB: seconds alone, several times that beside a full run.
const PROPERTY_TIMEOUT_MS = 90_000;

describe("random corruptions of real pages", () => {
  // Found by a random run: a `~~~` fence opened inside a field and never closed makes the writer
  // repeat the next project in the table of contents. Known and not fixed yet: this flips to a
  // failure, on purpose, the day the round trip holds.
  it.fails("a page with a fence left open inside a field does not yet write back the same", () => {
    const text = fixture("fuzz/unclosed-fence-in-field.md");
    const parsed = tryParse(text);
    if (!parsed) return;
    const written = writeTermPage(parsed);
    expect(writeTermPage(parseTermPage(written, { now: new Date("2026-08-05T00:00:00Z") }))).toBe(written);
  });

  it(
    "never crash the parser with anything but TermPageError, and parse in well under a second",
    () => {
      fc.assert(
        fc.property(page, (text) => {
          const before = process.cpuUsage();
          const parsed = tryParse(text);
          const spent = process.cpuUsage(before);
          // CPU time, generous: a corrupted 150 KB page parses in a few hundred milliseconds, more
          // on a busy machine; runaway backtracking takes seconds to minutes.
          expect((spent.user + spent.system) / 1000).toBeLessThan(2000);
          if (parsed) for (const finding of parsed.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
        }),
        { numRuns: 150, seed: SEED },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "still write a page that reads back and writes the same",
    () => {
      fc.assert(
        fc.property(page, (text) => {
          const parsed = tryParse(text);
          if (!parsed) return;
          const written = writeTermPage(parsed);
          const reread = parseTermPage(written, { now: new Date("2026-08-05T00:00:00Z") });
          expect(writeTermPage(reread)).toBe(written);
        }),
        { numRuns: 100, seed: SEED },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

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
      { numRuns: 200, seed: SEED },
    );
  });
});

/** Parses `text` and returns the outcome with the CPU time it took. */
function timedParse(text: string): { parsed: ParsedTermPage | null; error: string | null; ms: number } {
  const before = process.cpuUsage();
  let parsed: ParsedTermPage | null = null;
  let error: string | null = null;
  try {
    parsed = parseTermPage(text, { now: new Date("2026-08-05T00:00:00Z"), fileName: "hostile.md" });
  } catch (caught) {
    expect(caught).toBeInstanceOf(TermPageError);
    error = (caught as Error).message;
  }
  const spent = process.cpuUsage(before);
  return { parsed, error, ms: (spent.user + spent.system) / 1000 };
}

const HEAD = "# Term 01 - 2026 March - May\n\n### Org\n\n#### Project\n\n";
const MENTOR = "- Mentor(s): Ada Lovelace (@ada)\n";

describe("hostile pages of the sizes reported", () => {
  // Each was seconds of CPU, a stack overflow, or minutes of a server that answered nothing.
  it.each([5000, 32000, 200000])("a block quote nested %i deep is refused in well under a second, naming its line", (depth) => {
    const result = timedParse(`${HEAD}- Description: x\n${MENTOR}\n${">".repeat(depth)} deep\n`);
    // The list above may still be open: the count is an upper bound, never less than CommonMark nests.
    expect(result.error).toMatch(
      /^hostile\.md: the page nests block quotes or lists [\d,]+ deep on its line 10; at most 16: shorten, split or flatten it, then try again$/,
    );
    expect(result.ms).toBeLessThan(1000);
  });

  it("a 165 KB page with a list nested 400 deep is refused in well under a second", () => {
    const lines = Array.from({ length: 400 }, (_, depth) => `${"  ".repeat(depth)}- item ${depth} ${"x".repeat(200)}`);
    const text = `${HEAD}- Description: x\n${MENTOR}\n${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(165_000);
    const result = timedParse(text);
    expect(result.error).toContain("the page nests block quotes or lists 400 deep on its line 409; at most 16");
    expect(result.ms).toBeLessThan(1000);
  });

  it("thousands of small block quotes, and a page over 512 KB, are refused in well under a second", () => {
    const quotes = timedParse(`${HEAD}- Description: x\n${MENTOR}\n${"> word\n\n".repeat(3000)}`);
    expect(quotes.error).toMatch(/the page opens 3,00\d block quotes and list items; at most 2,500/);
    expect(quotes.ms).toBeLessThan(1000);
    const long = timedParse(`${HEAD}- Description: ${"word ".repeat(110_000)}\n${MENTOR}`);
    expect(long.error).toContain("characters long; at most 524,288");
    expect(long.ms).toBeLessThan(1000);
  });

  it("a field that is hostile only on its own is read, with an error finding naming the project and the field", () => {
    // On the page "- Description: >>>>…" is plain text; rendered on its own it nests 5,000 deep.
    const result = timedParse(`${HEAD}- Description: ${">".repeat(5000)}\n- Expected Outcome: ${"y".repeat(10_001)}\n${MENTOR}`);
    const findings = result.parsed?.findings.filter((finding) => finding.severity === "error") ?? [];
    expect(findings.map((finding) => [finding.rule, finding.line, finding.message])).toEqual([
      ["nesting-too-deep", 5, '"Project": the description nests block quotes or lists 5,000 deep on its line 1; at most 16'],
      ["field-too-long", 5, '"Project": the expected outcome is 10,001 characters long; at most 10,000'],
    ]);
    expect(result.ms).toBeLessThan(1000);
  });

  // Each pattern over the mentor field rescanned a run of its characters from each of them: 1.8 s.
  it.each(["1", "-", "_", "a.", "-  "])("a mentor field of 20,000 characters of %j is read in well under a second", (unit) => {
    const result = timedParse(`${HEAD}- Description: x\n- Mentor(s): Ada ${unit.repeat(20_000 / unit.length)} x\n`);
    expect(result.parsed?.organizations[0]?.projects).toHaveLength(1);
    expect(result.ms).toBeLessThan(1000);
  });

  it('a paragraph of 40,000 characters of "](" is read in well under a second (GFM footnotes walked back at every "]")', () => {
    const result = timedParse(`${HEAD}- Description: x\n- Mentor(s): Ada (@ada)\n\n${"](".repeat(20_000)}\n`);
    expect(result.parsed?.organizations[0]?.projects).toHaveLength(1);
    expect(result.ms).toBeLessThan(1000);
  });

  // A link's trailing dots were stripped by a pattern tried from each dot, and parentheses recounted per ")": 8.8 s.
  it.each([".", ")", "[", "[a]("])("an upstream issue of 20,000 characters of %j is read in well under a second", (unit) => {
    const result = timedParse(`${HEAD}- Upstream Issue: https://example.org/x${unit.repeat(20_000 / unit.length)}a\n${MENTOR}`);
    expect(result.parsed?.organizations[0]?.projects).toHaveLength(1);
    expect(result.ms).toBeLessThan(1000);
  });
});
