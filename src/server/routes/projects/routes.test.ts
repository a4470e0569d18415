import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { importTermPage } from "../../../commands/import-term-page.ts";
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
