import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectedCorpusDir, handMade, sharedCorpusDir } from "../../../test/fixtures/termpages/index.ts";
import { asBrowser, signUpAndVerify } from "../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { testDialects } from "../../../test/helpers/databases.ts";
import type { ProjectDetail } from "../../schemas/catalog.ts";
import { findPersonByHandle } from "../../storage/repos/account-repo.ts";
import { parseTermPage } from "../../termpages/index.ts";
import { buildTermPageData } from "./build-term-page-data.ts";
import type { PageImport } from "./import-term-page.ts";
import { importTermPages, type TermPageSource } from "./import-term-pages.ts";

const NOW = new Date("2026-12-01T12:00:00Z");

/** A page to import as its own term of the program "lantern". */
function lanternPage(termSlug: string, markdown: string): TermPageSource {
  return {
    file: `${termSlug}.md`,
    load: async (): Promise<PageImport> => ({
      page: parseTermPage(markdown, { fileName: `${termSlug}.md`, now: NOW }),
      programSlug: "lantern",
      termSlug,
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: NOW,
    }),
  };
}

const PAGE_2023 = lanternPage("lantern-2023", handMade("mentor-contacts-2023.md"));
const PAGE_2024 = lanternPage("lantern-2024", handMade("mentor-contacts-2024.md"));

describe.each(testDialects())("mentor contacts as each term page gives them, on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    t.setNow(NOW);
  });
  afterEach(() => t.dispose());

  const mentorsOf = async (slug: string) => {
    const response = await t.app.inject({ method: "GET", url: `/api/projects/${slug}` });
    expect(response.statusCode).toBe(200);
    return (response.json() as ProjectDetail).mentors.map(({ name, handle, email }) => ({ name, handle, email }));
  };
  const emailOf = async (handle: string) => (await findPersonByHandle(t.context.database.db, handle))?.email;
  const importAll = (sources: TermPageSource[]) => importTermPages({ database: t.context.database, sources });

  async function expectEachPageAddresses(): Promise<void> {
    expect(await mentorsOf("lantern-2023-make-the-lantern-glow")).toEqual([
      { name: "Ada Lovelace", handle: "ada-lantern", email: "ada@old-employer.example" },
      { name: "Bo Chen", handle: "bo-lantern", email: "team@lantern.example" },
    ]);
    expect(await mentorsOf("lantern-2024-make-the-lantern-dim")).toEqual([
      { name: "Ada Lovelace", handle: "ada-lantern", email: "ada@lantern.example" },
      { name: "Cy Park", handle: "cy-lantern", email: "team@lantern.example" },
      { name: "Bo Chen", handle: "bo-lantern", email: "bo@lantern.example" },
    ]);
    // The page names Ada there without an address: the project publishes none, whatever she has elsewhere.
    expect(await mentorsOf("lantern-2024-polish-the-lantern")).toEqual([{ name: "Ada L.", handle: "ada-lantern", email: null }]);
  }

  it("a project shows the addresses of its own term page, the older page imported first", async () => {
    const result = await importAll([PAGE_2023, PAGE_2024]);
    expect(result.failed).toBe(0);
    await expectEachPageAddresses();
  });

  it("a project shows the addresses of its own term page, the newer page imported first", async () => {
    const result = await importAll([PAGE_2024, PAGE_2023]);
    expect(result.failed).toBe(0);
    await expectEachPageAddresses();
  });

  it("each person keeps the address of the newest page naming them, in either order, and an address moves to its new holder", async () => {
    for (const order of [
      [PAGE_2023, PAGE_2024],
      [PAGE_2024, PAGE_2023, PAGE_2024],
    ]) {
      const result = await importAll(order);
      expect(result.files.map((file) => (file.status === "imported" ? file.notes : file.error))).toEqual(order.map(() => []));
      expect(await emailOf("ada-lantern")).toBe("ada@lantern.example");
      // Bo handed the team address on to Cy in 2024, though the page names Cy first.
      expect(await emailOf("bo-lantern")).toBe("bo@lantern.example");
      expect(await emailOf("cy-lantern")).toBe("team@lantern.example");
    }
  });

  it("an address another person holds is a note on its file's line, and the project still shows it", async () => {
    await importAll([PAGE_2023, PAGE_2024]);
    const page2025 =
      "# 2025 Term 01: March - May\n\n### Timeline\n\n| activity | date |\n| --- | --- |\n| mentorship program begins | Mon Mar 3, 2025 |\n\n" +
      "### Participating Projects\n\n#### Lantern\n\n##### Carry the lantern\n\n- Description: Handles.\n- Mentor(s): Dee Ray (@dee-lantern, TEAM@lantern.example)\n";
    const result = await importAll([lanternPage("lantern-2025", page2025), PAGE_2023]);
    expect(result.failed).toBe(0);
    expect(result.files[0]).toMatchObject({
      status: "imported",
      notes: [
        "Mentor @dee-lantern (project at line 13): TEAM@lantern.example belongs to @cy-lantern in Cohort, so the project shows it and @cy-lantern keeps it.",
      ],
    });
    expect(await mentorsOf("lantern-2025-carry-the-lantern")).toEqual([{ name: "Dee Ray", handle: "dee-lantern", email: "TEAM@lantern.example" }]);
    expect(await emailOf("dee-lantern")).toBeNull();
    expect(await emailOf("cy-lantern")).toBe("team@lantern.example");
  });

  it("a page never changes the address of someone who signed up, however new the page", async () => {
    const session = await signUpAndVerify(t, { name: "Ada Lovelace", email: "ada@home.example", password: "a long enough passphrase" });
    const profile = await t.app.inject({ method: "PATCH", url: "/api/me", headers: asBrowser(session), payload: { githubHandle: "ada-lantern" } });
    expect(profile.statusCode).toBe(200);
    // A page anyone can edit upstream names her handle with an address of its own.
    expect((await importAll([PAGE_2023, PAGE_2024, PAGE_2024])).failed).toBe(0);
    expect(await emailOf("ada-lantern")).toBe("ada@home.example");
    // The project shows what its page published, and nothing the account holder keeps to herself.
    expect((await mentorsOf("lantern-2024-make-the-lantern-dim"))[0]).toEqual({ name: "Ada Lovelace", handle: "ada-lantern", email: "ada@lantern.example" });
    expect(await mentorsOf("lantern-2024-polish-the-lantern")).toEqual([{ name: "Ada L.", handle: "ada-lantern", email: null }]);
  });

  it("a term page written back from the database names each mentor as that page did", async () => {
    await importAll([PAGE_2024, PAGE_2023]);
    const data = await buildTermPageData({ database: t.context.database, termSlug: "lantern-2023" });
    expect(data.organizations[0]?.projects[0]?.mentors).toEqual([
      { name: "Ada Lovelace", handle: "ada-lantern", email: "ada@old-employer.example" },
      { name: "Bo Chen", handle: "bo-lantern", email: "team@lantern.example" },
    ]);
  });
});

// The real pages: Harbor CLI's mentors changed employers between 2023 and 2024, and each page says so.
const corpus = sharedCorpusDir();
if (!corpus && process.env.CI === "true") throw new Error(`The term-page corpus was not found at ${expectedCorpusDir()}.`);
const LFX = path.join(corpus ?? "", "cncf-mentoring", "programs", "lfx-mentorship");
const TERMS = ["2023/01-Mar-May", "2023/02-Jun-Aug", "2023/03-Sep-Nov", "2024/01-Mar-May", "2024/02-Jun-Aug", "2024/03-Sep-Nov"];

function corpusPage(term: string): TermPageSource {
  const file = path.join(LFX, term, "README.md");
  return {
    file,
    load: async () => ({
      page: parseTermPage(readFileSync(file, "utf8"), { fileName: file, now: NOW }),
      programSlug: "cncf",
      termSlug: term.toLowerCase().replace("/", "-"),
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: NOW,
    }),
  };
}

describe.skipIf(!corpus).each(testDialects())("the corpus's Harbor CLI of 2024 Term 02, on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    t.setNow(NOW);
  });
  afterEach(() => t.dispose());

  const HARBOR_CLI_2024 = [
    { name: "Vadim Bauer", handle: "vad1mo", email: "vb@container-registry.com" },
    { name: "Yan Wang", handle: "wy65701436", email: "yan-yw.wang@broadcom.com" },
    { name: "Orlin Vasilev", handle: "orlinvasilev", email: "orlin@orlix.org" },
  ];

  for (const [order, terms] of [
    ["in order", TERMS],
    ["in reverse order", [...TERMS].reverse()],
  ] as const) {
    it(`shows the addresses its page lists, not the vmware.com ones of 2023, with the pages imported ${order}`, async () => {
      const result = await importTermPages({ database: t.context.database, sources: terms.map(corpusPage) });
      expect(result.files.filter((file) => file.status === "failed")).toEqual([]);
      const response = await t.app.inject({ method: "GET", url: "/api/projects/2024-02-jun-aug-harbor-cli" });
      // A handle is the person's, as the first page spelt it ("Vad1mo" in 2023): GitHub ignores its case.
      const mentors = (response.json() as ProjectDetail).mentors.map(({ name, handle, email }) => ({ name, handle: handle?.toLowerCase(), email }));
      expect(mentors).toEqual(HARBOR_CLI_2024);
      // 2023 Term 01 still shows what that page published.
      const old = await t.app.inject({ method: "GET", url: "/api/projects/2023-01-mar-may-regex-replication-rules" });
      expect(old.statusCode).toBe(200);
      expect((old.json() as ProjectDetail).mentors.map((mentor) => mentor.email)).toContain("wangyan@vmware.com");
      expect(await findPersonByHandle(t.context.database.db, "wy65701436")).toMatchObject({ email: "yan-yw.wang@broadcom.com" });
    }, 180_000);
  }
});
