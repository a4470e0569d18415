import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import type { ProgramSummary, TermDetail, TermListResponse, TermSummary } from "../../../schemas/catalog.ts";

describe.each(testDialects())("program routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedCatalogFixture(t.context.database);
    t.setNow(FIXTURE_TODAY);
  });
  afterAll(() => t.dispose());

  it("GET /api/programs lists each program with the term that needs attention now", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/programs" });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: ProgramSummary[] };
    expect(items.map((program) => program.slug)).toEqual(["demo", "hostile"]);
    const demo = items[0];
    expect(demo).toMatchObject({ name: "Cohort Demo Mentorship", termCount: 3, applicationLimit: 3 });
    expect(demo?.currentTerm).toMatchObject({
      slug: "2026-demo-term-02",
      status: "applications_open",
      nextDeadline: { kind: "applications", event: "closes" },
    });
  });

  it("GET /api/programs/{program}/terms lists terms newest first with their status", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/programs/demo/terms" });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: TermSummary[] };
    expect(items.map((term) => [term.slug, term.status])).toEqual([
      ["2026-demo-term-03", "planned"],
      ["2026-demo-term-02", "applications_open"],
      ["2025-demo-term-01", "complete"],
    ]);
  });

  it("GET /api/programs/{program}/terms gives each term's first and last dates and its number of projects", async () => {
    const { items } = (await t.app.inject({ method: "GET", url: "/api/programs/demo/terms" })).json() as TermListResponse;
    for (const item of items) {
      const term = (await t.app.inject({ method: "GET", url: `/api/terms/${item.slug}` })).json() as TermDetail;
      const starts = term.phases.flatMap((phase) => (phase.startsAt ? [phase.startsAt] : [])).sort();
      const ends = term.phases.flatMap((phase) => (phase.endsAt ? [phase.endsAt] : [])).sort();
      expect(item, item.slug).toMatchObject({ startsAt: starts[0], endsAt: ends[ends.length - 1], projectCount: term.counts.projects });
      expect(item.projectCount).toBeGreaterThan(0);
    }
  });

  it("the current term moves on when the clock does", async () => {
    t.setNow(new Date("2026-06-20T00:00:00Z"));
    const { items } = (await t.app.inject({ method: "GET", url: "/api/programs" })).json() as { items: ProgramSummary[] };
    expect(items[0]?.currentTerm?.slug).toBe("2026-demo-term-03");
    t.setNow(FIXTURE_TODAY);
  });

  it("answers 404 problem+json for an unknown program and 400 for a malformed slug", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/programs/nope/terms" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND", detail: 'There is no program "nope".' });
    const malformed = await t.app.inject({ method: "GET", url: "/api/programs/NOPE!/terms" });
    expect(malformed.statusCode).toBe(400);
  });

  it("answers an empty list on an empty database", async () => {
    const empty = await createTestApp(dialect);
    try {
      const response = await empty.app.inject({ method: "GET", url: "/api/programs" });
      expect(response.json()).toEqual({ items: [] });
    } finally {
      await empty.dispose();
    }
  });
});
