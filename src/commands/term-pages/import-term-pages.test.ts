import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedCorpusDir, sharedCorpusDir } from "../../../test/fixtures/termpages/index.ts";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { parseTermPage } from "../../termpages/index.ts";
import type { PageImport } from "./import-term-page.ts";
import { importTermPages, type TermPageSource } from "./import-term-pages.ts";

const NOW = new Date("2027-01-10T12:00:00Z");

/** A small term page of its own term, whose one timeline row runs from `dates`. */
function page(term: string, dates: string): PageImport {
  const markdown =
    `# Term ${term} - 2027 March - May\n\n### Timeline\n\n| activity | date |\n| --- | --- |\n| mentee applications open | ${dates} |\n\n` +
    `## Accepted projects\n\n### Org ${term}\n\n#### Project ${term}\n\n- Description: Something to build.\n- Mentor(s):\n  - Mentor ${term} (mentor-${term})\n`;
  return {
    page: parseTermPage(markdown, { fileName: `${term}.md`, now: NOW }),
    programSlug: "batch",
    termSlug: `batch-${term}`,
    projectState: "accepted",
    actor: { personId: null, label: "test" },
    now: NOW,
  };
}

const source = (file: string, load: () => Promise<PageImport>): TermPageSource => ({ file, load });

describe.each(testDialects())("importing several term pages on %s", (dialect) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await openMigratedTestDatabase(dialect));
  });
  afterAll(() => dispose());

  it("reports a failure of any kind on its file's line, imports the others, and never throws", async () => {
    const result = await importTermPages({
      database: handle,
      sources: [
        source("a.md", async () => page("01", "May 3 - May 20, 2027")),
        source("reversed.md", async () => page("02", "May 29 - May 13, 2027")),
        source("crash.md", async () => {
          throw new TypeError("cannot read properties of undefined");
        }),
        source("c.md", async () => page("03", "May 3 - May 20, 2027")),
      ],
    });
    expect(result.failed).toBe(2);
    expect(result.files.map(({ file, status }) => [file, status])).toEqual([
      ["a.md", "imported"],
      ["reversed.md", "failed"],
      ["crash.md", "failed"],
      ["c.md", "imported"],
    ]);
    expect(result.files[1]).toMatchObject({
      code: "INVALID_INPUT",
      error: "reversed.md: A timeline row must not end before it starts (rule timeline_phases_ordered).",
    });
    expect(result.files[2]).toMatchObject({ code: "INTERNAL", error: "crash.md: unexpected error: cannot read properties of undefined" });
    // The failed page left nothing behind: its transaction rolled back whole.
    expect(await findTermBySlug(handle.db, "batch-02")).toBeUndefined();
    expect(await findTermBySlug(handle.db, "batch-03")).toMatchObject({ slug: "batch-03" });
  });

  it("a page whose term belongs to another program is a CONFLICT on its line", async () => {
    const other = { ...page("04", "May 3 - May 20, 2027"), programSlug: "other" };
    await importTermPages({ database: handle, sources: [source("first.md", async () => other)] });
    const result = await importTermPages({ database: handle, sources: [source("again.md", async () => page("04", "May 3 - May 20, 2027"))] });
    expect(result).toEqual({
      failed: 1,
      files: [
        {
          file: "again.md",
          status: "failed",
          code: "CONFLICT",
          error: 'again.md: The term "batch-04" belongs to another program; choose another slug with --term.',
        },
      ],
    });
  });

  it("a page of selected projects after the term's own page keeps the term's own title", async () => {
    const own = page("05", "May 3 - May 20, 2027");
    const selected: PageImport = {
      ...own,
      page: parseTermPage("# Selected Projects\n\n### Org 05\n\n#### Chosen project\n\n- Description: Picked.\n- Mentor(s):\n  - Mentor 05 (mentor-05)\n", {
        fileName: "selected_projects.md",
        now: NOW,
      }),
    };
    const result = await importTermPages({
      database: handle,
      sources: [source("README.md", async () => own), source("selected_projects.md", async () => selected)],
    });
    expect(result.failed).toBe(0);
    expect(await findTermBySlug(handle.db, "batch-05")).toMatchObject({ title: "Term 05 - 2027 March - May" });
  });
});

// The real pages of 2020 Q2: the term's page, its project ideas and its selected projects, imported in that order.
const corpus = sharedCorpusDir();
if (!corpus && process.env.CI === "true") throw new Error(`The term-page corpus was not found at ${expectedCorpusDir()}.`);

describe.skipIf(!corpus)("importing the corpus's 2020 Q2 pages", () => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await openMigratedTestDatabase("sqlite"));
  });
  afterAll(() => dispose());

  it("keeps the term titled 2020 Q2, not Selected Projects", async () => {
    const dir = path.join(corpus ?? "", "cncf-mentoring", "programs", "lfx-mentorship", "2020", "q2");
    const load = (name: string) =>
      source(name, async () => ({
        page: parseTermPage(readFileSync(path.join(dir, name), "utf8"), { fileName: path.join(dir, name), now: NOW }),
        programSlug: "cncf",
        termSlug: "2020-q2",
        projectState: name === "project_ideas.md" ? "proposed" : "accepted",
        actor: { personId: null, label: "test" },
        now: NOW,
      }));
    const result = await importTermPages({ database: handle, sources: ["README.md", "project_ideas.md", "selected_projects.md"].map(load) });
    expect(result.failed).toBe(0);
    expect(await findTermBySlug(handle.db, "2020-q2")).toMatchObject({ title: "2020 Q2", statusText: "completed" });
  });
});
