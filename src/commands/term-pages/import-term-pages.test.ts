import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
