import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import type { ProjectDetail } from "../../../schemas/catalog.ts";
import { parseTermPage } from "../../../termpages/index.ts";

describe.each(testDialects())("project routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedCatalogFixture(t.context.database);
    t.setNow(FIXTURE_TODAY);
  });
  afterAll(() => t.dispose());

  const get = (slug: string) => t.app.inject({ method: "GET", url: `/api/projects/${slug}` });

  it("shows a project with rendered description, mentors with GitHub links and upstream issues", async () => {
    const response = await get("2026-demo-term-02-ebpf-flow-logs-for-network-policies");
    expect(response.statusCode).toBe(200);
    const project = response.json() as ProjectDetail;
    expect(project).toMatchObject({
      title: "eBPF flow logs for network policies",
      organization: { slug: "kestrel", name: "Kestrel" },
      term: { slug: "2026-demo-term-02", status: "applications_open" },
      program: { slug: "demo", name: "Cohort Demo Mentorship" },
      state: "accepted",
      apply: { state: "open" },
      upstreamIssues: ["https://github.com/example-kestrel/kestrel/issues/781"],
      externalUrl: null,
    });
    expect(project.descriptionHtml).toMatch(/^<p>Kestrel enforces network policies with eBPF\./);
    expect(project.mentors[0]).toEqual({
      name: "Sam Adeyemi",
      handle: "demo-sam-adeyemi",
      githubUrl: "https://github.com/demo-sam-adeyemi",
      email: "sam-adeyemi@example.org",
    });
    expect(project.skills.map((skill) => skill.label)).toEqual(["C", "eBPF", "Go", "Networking"]);
  });

  it("renders Markdown without any script, event handler or javascript: link", async () => {
    const project = (await get("hostile-2026-hostile-description")).json() as ProjectDetail;
    const html = project.descriptionHtml + project.expectedOutcomeHtml;
    expect(html).toContain('<a href="https://example.org/safe">safe</a>');
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|<img/i);
    expect(project.upstreamIssues).toEqual([]);
    expect(project.externalUrl).toBeNull();
    const card = (await t.app.inject({ method: "GET", url: "/api/terms/hostile-2026/projects" })).json().items[0];
    expect(card.summary).toBe("Hello click and safe.");
  });

  it("refuses to import a description nested 5,000 deep, naming the project and the field", async () => {
    const markdown = `# Term 01 - 2026 March - May\n\n### Mallory\n\n#### Deep quotes\n\n- Description: ${">".repeat(5000)}\n- Mentor(s): Mallory Evil (mallory-demo)\n`;
    const refused = await importTermPage({
      database: t.context.database,
      page: parseTermPage(markdown, { fileName: "deep.md", now: FIXTURE_TODAY }),
      programSlug: "hostile",
      termSlug: "hostile-2026",
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: FIXTURE_TODAY,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "INVALID_TERM_PAGE",
      message:
        'Project "Deep quotes" (line 5): the description nests block quotes or lists 5,000 deep on its line 1; at most 16. Shorten or flatten it, then import the page again.',
    });
    expect((await get("hostile-2026-deep-quotes")).statusCode).toBe(404);
  });

  it("answers from the HTML stored at import, never rendering on a read, even for a row stored before the bounds", async () => {
    const slug = "hostile-2026-hostile-description";
    const before = (await get(slug)).json() as ProjectDetail;
    // 200,000 ">" rendered on a read stopped the server answering for minutes.
    await t.context.database.db
      .updateTable("projects")
      .set({ description: ">".repeat(200_000) })
      .where("slug", "=", slug)
      .execute();
    const started = process.cpuUsage();
    const response = await get(slug);
    const spent = process.cpuUsage(started);
    expect(response.statusCode).toBe(200);
    expect((response.json() as ProjectDetail).descriptionHtml).toBe(before.descriptionHtml);
    expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
  });

  it("does not show a project that was only proposed", async () => {
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(
        "## Proposed Project ideas\n\n### Kestrel\n\n#### A private idea\n\n- Description: Not public yet.\n- Mentor(s): Sam Adeyemi (demo-sam-adeyemi)\n",
        {
          fileName: "project_ideas.md",
          year: 2026,
          now: FIXTURE_TODAY,
        },
      ),
      programSlug: "demo",
      termSlug: "2026-demo-term-02",
      projectState: "proposed",
      actor: { personId: null, label: "test" },
      now: FIXTURE_TODAY,
    });
    const response = await get("2026-demo-term-02-a-private-idea");
    expect(response.statusCode).toBe(404);
  });

  it("answers 404 problem+json for an unknown project", async () => {
    const response = await get("no-such-project");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND", detail: 'There is no project "no-such-project".' });
  });
});
