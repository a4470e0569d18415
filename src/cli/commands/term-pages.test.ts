import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_PAGE } from "../../../test/helpers/catalog-fixture.ts";
import { runCli } from "../../../test/helpers/run-cli.ts";
import { demoTermPages } from "../../demo/demo-term-pages.ts";

let dir: string;
let termFile: string;
let dbUrl: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-pages-"));
  const page = demoTermPages(new Date("2026-03-02T20:00:00Z"))[1];
  termFile = path.join(dir, "programs", "demo", "2026", "02-Demo", "README.md");
  fs.mkdirSync(path.dirname(termFile), { recursive: true });
  fs.writeFileSync(termFile, page?.markdown ?? "");
  dbUrl = `sqlite:${path.join(dir, "cohort.db")}`;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writePage(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("cohort parse", () => {
  it("prints one JSON document with the documented fields", async () => {
    const result = await runCli(["parse", termFile, "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(["title", "status", "timeline", "organizations", "toc", "findings"]));
    expect(parsed.title).toMatch(/^Term 02 - 2026/);
    expect(parsed.timeline[1]).toMatchObject({ activity: "mentee applications open", kind: "applications" });
    expect(parsed.timeline[1].end).toMatch(/^2026-\d\d-\d\dT\d\d:00:00\.000Z$/);
    expect(parsed.organizations).toHaveLength(5);
    const project = parsed.organizations[0].projects[0];
    expect(Object.keys(project)).toEqual(
      expect.arrayContaining(["title", "line", "description", "expectedOutcome", "skills", "skillsText", "mentors", "upstreamIssues", "url"]),
    );
    expect(project.mentors[0]).toEqual({ name: "Ada Okafor", handle: "demo-ada-okafor", email: "ada-okafor@example.org" });
  });
});

describe("cohort lint", () => {
  it("prints findings like a compiler and exits 0 when there are only warnings", async () => {
    const result = await runCli(["lint", termFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${termFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+ missing-program-link warning: `, "m"));
    expect(result.stderr).toMatch(/1 file: 0 errors, \d+ warnings/);
  });

  it("exits 1 when a page has an error, and reports each file of several", async () => {
    const broken = writePage(
      "broken.md",
      "# Term 09 - 2026 March - May\n\n### Org\n\n#### Project\n\n- Description: x\n- Mentor(s): Someone (someone, <mailtosomeone@example.org>)\n",
    );
    const result = await runCli(["lint", termFile, broken, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((entry: { file: string }) => entry.file)).toEqual([termFile, broken]);
    expect(report.errors).toBeGreaterThan(0);
  });

  it.each([
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), "is a binary file, not a Markdown term page"],
    ["empty", "", "the page is empty"],
    ["not a term page", "Just some notes about lunch.\n", "not a term page"],
    ["latin-1", Buffer.from([0x54, 0x65, 0x72, 0x6d, 0xe9, 0x0a]), "is not UTF-8 text"],
  ])("a %s file gets one clear line", async (name, content, message) => {
    const file = writePage(`${name.replace(/\W/g, "-")}.md`, content);
    const result = await runCli(["parse", file]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it("a huge file is refused before it is read", async () => {
    const file = writePage("huge.md", `# Term\n${"x".repeat(6 * 1024 * 1024)}`);
    const result = await runCli(["lint", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("a term page is at most 5 MB");
  });

  it("a missing file", async () => {
    const result = await runCli(["parse", path.join(dir, "missing.md")]);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain("missing.md: no such file");
  });
});

describe("cohort import and export", () => {
  it("imports into an empty database, then updates instead of duplicating", async () => {
    const first = await runCli(["import", termFile, "--program", "demo", "--db", dbUrl, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({
      term: { slug: "2026-02-demo", created: true },
      program: { slug: "demo", created: true },
      organizations: { created: 5, updated: 0 },
      projects: { created: 10, updated: 0 },
      timeline: 8,
    });
    const second = JSON.parse((await runCli(["import", termFile, "--program", "demo", "--db", dbUrl, "--json"])).stdout);
    expect(second).toMatchObject({
      term: { created: false },
      organizations: { created: 0, updated: 5 },
      projects: { created: 0, updated: 10 },
      mentors: { created: 0 },
    });
  });

  it("reports each file of a batch and keeps going past a bad one", async () => {
    const hostile = writePage("hostile.md", HOSTILE_PAGE);
    const empty = writePage("empty-again.md", "");
    const result = await runCli(["import", empty, hostile, "--program", "demo", "--db", dbUrl, "--json"]);
    expect(result.code).toBe(1);
    const batch = JSON.parse(result.stdout);
    expect(batch.failed).toBe(1);
    expect(batch.files[0]).toMatchObject({ file: empty, error: expect.stringContaining("the page is empty") });
    expect(batch.files[1]).toMatchObject({ file: hostile, projects: { created: 1 } });
  });

  /** A small term page of its own term, whose one timeline row runs from `dates`. */
  const batchPage = (term: number, dates: string) =>
    `# Term ${String(term).padStart(2, "0")} - 2027 March - May\n\n### Timeline\n\n| activity | date |\n| --- | --- |\n| mentee applications open | ${dates} |\n\n` +
    `## Accepted projects\n\n### Batch ${term}\n\n#### Project ${term}\n\n- Description: Something to build.\n- Mentor(s):\n  - Mentor ${term} (batch-mentor-${term})\n`;

  it.each([
    ["is not a term page", () => writePage("notes.md", "Just some notes about lunch.\n"), "not a term page", "INVALID_TERM_PAGE"],
    [
      "breaks a rule of the database",
      () => writePage("reversed.md", batchPage(12, "May 29 - May 13, 2027")),
      "A timeline row must not end before it starts (rule timeline_phases_ordered).",
      "INVALID_INPUT",
    ],
    ["cannot be read", () => fs.mkdtempSync(path.join(dir, "folder-")), "is a folder", "INVALID_INPUT"],
  ])("imports the files before and after one that %s, reporting each, and exits 1", async (_kind, makeBad, message, code) => {
    const [first, bad, last] = [
      writePage("batch-a.md", batchPage(11, "May 3 - May 20, 2027")),
      makeBad(),
      writePage("batch-c.md", batchPage(13, "May 3 - May 20, 2027")),
    ];
    const result = await runCli(["import", first, bad, last, "--program", "batch", "--db", dbUrl, "--json"]);
    expect(result.code, result.stderr).toBe(1);
    const batch = JSON.parse(result.stdout);
    expect(batch.failed).toBe(1);
    expect(batch.files).toEqual([
      expect.objectContaining({ file: first, status: "imported", term: expect.objectContaining({ slug: "term-11-2027-march-may" }) }),
      { file: bad, status: "failed", code, error: expect.stringContaining(message) },
      expect.objectContaining({ file: last, status: "imported", term: expect.objectContaining({ slug: "term-13-2027-march-may" }) }),
    ]);
    expect(batch.files[1].error.startsWith(`${bad}: `)).toBe(true);
    const text = await runCli(["import", first, bad, last, "--program", "batch", "--db", dbUrl]);
    expect(text.code).toBe(1);
    expect(text.stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^${escapeRegExp(first)}: term term-11-2027-march-may updated; `)),
      batch.files[1].error,
      expect.stringMatching(new RegExp(`^${escapeRegExp(last)}: term term-13-2027-march-may updated; `)),
    ]);
  });

  it("lints a description nested 5,000 deep as an error and refuses to import it, naming the project and the field", async () => {
    const deep = writePage(
      "deep.md",
      `# Term 05 - 2026 March - May\n\n### Mallory\n\n#### Deep quotes\n\n- Description: ${">".repeat(5000)}\n- Mentor(s): Mallory Evil (mallory-demo)\n`,
    );
    const lint = await runCli(["lint", deep]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(
      `${deep}:5 nesting-too-deep error: "Deep quotes": the description nests block quotes or lists 5,000 deep on its line 1; at most 16`,
    );
    const result = await runCli(["import", deep, "--program", "demo", "--term", "2026-05-deep", "--db", dbUrl]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${deep}: Project "Deep quotes" (line 5): the description nests block quotes or lists 5,000 deep on its line 1; at most 16. Shorten or flatten it, then import the page again.\n`,
    );
  });

  it("exports the canonical page, which parses back to the same projects", async () => {
    const exported = await runCli(["export", "2026-02-demo", "--db", dbUrl]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^# Term 02 - 2026/);
    const file = writePage("exported.md", exported.stdout);
    const again = JSON.parse((await runCli(["parse", file])).stdout);
    const original = JSON.parse((await runCli(["parse", termFile])).stdout);
    const shape = (page: {
      organizations: Array<{ name: string; projects: Array<{ title: string; mentors: unknown; skills: unknown; upstreamIssues: unknown }> }>;
    }) => page.organizations.map((org) => ({ name: org.name, projects: org.projects.map((p) => [p.title, p.mentors, p.skills, p.upstreamIssues]) }));
    expect(shape(again)).toEqual(shape(original));
  });

  it("refuses a program slug that is not a slug, and an unknown term", async () => {
    const bad = await runCli(["import", termFile, "--program", "Not A Slug", "--db", dbUrl]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--program "Not A Slug" must be a slug');
    const unknown = await runCli(["export", "no-such-term", "--db", dbUrl]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('cohort: There is no term "no-such-term"; cohort import a term page first, or check the slug.\n');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
