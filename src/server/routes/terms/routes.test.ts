import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handMade } from "../../../../test/fixtures/termpages/index.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import type { CatalogResponse, ProgramSummary, TermDetail } from "../../../schemas/catalog.ts";
import { parseTermPage } from "../../../termpages/parse.ts";
import { responseCacheSize } from "../../response-cache.ts";

const TERM = "2026-demo-term-02";

describe.each(testDialects())("term routes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedCatalogFixture(t.context.database);
    t.setNow(FIXTURE_TODAY);
  });
  afterAll(() => t.dispose());

  const get = async (url: string) => t.app.inject({ method: "GET", url });
  const catalog = async (query: string) => {
    const response = await get(`/api/terms/${TERM}/projects${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CatalogResponse;
  };

  describe("GET /api/terms/{term}", () => {
    it("shows the status now, the timeline with the current phase, and the next deadline", async () => {
      const response = await get(`/api/terms/${TERM}`);
      expect(response.statusCode).toBe(200);
      const term = response.json() as TermDetail;
      expect(term).toMatchObject({ slug: TERM, status: "applications_open", statusLabel: "Applications open", timeZone: "America/Los_Angeles" });
      expect(term.phases).toHaveLength(8);
      expect(term.phases.filter((phase) => phase.state === "current").map((phase) => phase.kind)).toEqual(["applications"]);
      expect(term.phases[0]).toMatchObject({ kind: "proposals", state: "past" });
      expect(term.phases[1]?.text).toMatch(/^\w+day \w{3} \d+, 2026 - \w{3} \w{3} \d+, 2026, 5:00 PM P[SD]T$/);
      expect(term.nextDeadline).toMatchObject({ kind: "applications", event: "closes", at: term.phases[1]?.endsAt });
      expect(term.apply.state).toBe("open");
      expect(term.counts).toEqual({ organizations: 5, projects: 10, mentors: 7 });
      expect(term.calendarUrl).toBe(`/api/terms/${TERM}/calendar.ics`);
    });

    it("closes applications at the deadline instant exactly", async () => {
      const term = (await get(`/api/terms/${TERM}`)).json() as TermDetail;
      const deadline = new Date(term.phases[1]?.endsAt ?? "");
      t.setNow(new Date(deadline.getTime() - 1));
      expect(((await get(`/api/terms/${TERM}`)).json() as TermDetail).apply.state).toBe("open");
      t.setNow(deadline);
      const closed = (await get(`/api/terms/${TERM}`)).json() as TermDetail;
      expect(closed.status).toBe("in_review");
      expect(closed.apply.state).toBe("closed");
      expect(closed.apply.message).toMatch(/^Applications for Term 02 - 2026 \w+ - \w+ closed on \w{3} \d+ \w{3} 2026 at 17:00 P[SD]T \(\d\d:00 UTC\)\.$/);
      t.setNow(FIXTURE_TODAY);
    });

    it("answers 404 problem+json for a term that does not exist", async () => {
      const response = await get("/api/terms/no-such-term");
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ code: "NOT_FOUND", detail: 'There is no term "no-such-term".' });
    });

    it("answers 400 for a slug that cannot name a term", async () => {
      const response = await get("/api/terms/Not_A_Slug");
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "INVALID_INPUT" });
      expect(response.json().detail).toContain("must be a slug");
    });
  });

  describe("GET /api/terms/{term}/projects", () => {
    it("lists every accepted project with facets over the whole term", async () => {
      const page = await catalog("");
      expect(page.total).toBe(10);
      expect(page.items).toHaveLength(10);
      expect(page.facets.organizations.map((org) => [org.name, org.count])).toEqual([
        ["kestrel", 2],
        ["lanternfish", 2],
        ["quillmark", 2],
        ["saltbox", 2],
        ["tidewater", 2],
      ]);
      expect(page.facets.skills.find((skill) => skill.name === "go")).toEqual({ name: "go", label: "Go", count: 5 });
      const card = page.items.find((item) => item.title === "eBPF flow logs for network policies");
      expect(card).toMatchObject({ organization: { slug: "kestrel", name: "Kestrel" }, slots: 1, termSlug: TERM });
      expect(card?.mentors.map((mentor) => mentor.handle)).toEqual(["demo-sam-adeyemi", "demo-jun-watanabe"]);
      expect(JSON.stringify(page)).not.toContain("@example.org");
    });

    it("finds projects by free text, ranked, with stemming", async () => {
      const ebpf = await catalog("?q=ebpf");
      expect(ebpf.items.map((item) => item.title)).toEqual(["eBPF flow logs for network policies"]);
      const volumes = await catalog("?q=volume");
      expect(volumes.items.map((item) => item.title)).toContain("Online resizing of volumes");
      const ranked = await catalog("?q=rust");
      expect(ranked.total).toBe(2);
      expect(ranked.facets.organizations).toEqual([{ name: "saltbox", label: "Saltbox", count: 2 }]);
    });

    it("requires every chosen skill and any chosen organization", async () => {
      expect((await catalog("?skill=go")).total).toBe(5);
      const both = await catalog("?skill=go&skill=kubernetes");
      expect(both.items.map((item) => item.title)).toEqual(["Online resizing of volumes"]);
      expect((await catalog("?skill=go&skill=ebpf")).items.map((item) => item.title)).toEqual(["eBPF flow logs for network policies"]);
      const orgs = await catalog("?org=kestrel&org=saltbox");
      expect(orgs.total).toBe(4);
      // Organization counts leave the organization filter out, so others stay choosable.
      expect(orgs.facets.organizations).toHaveLength(5);
      expect(orgs.facets.skills.find((skill) => skill.name === "rust")?.count).toBe(2);
    });

    it("pages through results", async () => {
      const first = await catalog("?limit=4&page=1");
      const third = await catalog("?limit=4&page=3");
      expect(first.items).toHaveLength(4);
      expect(third.items).toHaveLength(2);
      expect(third).toMatchObject({ total: 10, page: 3, limit: 4 });
      const titles = new Set([...first.items, ...third.items].map((item) => item.title));
      expect(titles.size).toBe(6);
    });

    it("answers an empty page when nothing matches", async () => {
      expect(await catalog("?q=zzzzqqq")).toMatchObject({ items: [], total: 0, facets: { skills: [], organizations: [] } });
      expect(await catalog("?skill=cobol")).toMatchObject({ items: [], total: 0 });
      // Punctuation alone has no words to search for, so it filters nothing.
      expect(await catalog("?q=%22%2A%28%29")).toMatchObject({ total: 10 });
    });

    it("answers from the cache until the term changes, and shows a change within a second", async () => {
      const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));
      const bumpRevision = () =>
        t.context.database.db
          .updateTable("terms")
          .set((eb) => ({ revision: eb("revision", "+", 1) }))
          .where("slug", "=", TERM)
          .execute();
      const before = await catalog("?q=ebpf");
      await t.context.database.db
        .updateTable("projects")
        .set({ title: "eBPF flow logs, renamed" })
        .where("title", "=", "eBPF flow logs for network policies")
        .execute();
      await settle();
      expect(await catalog("?q=ebpf")).toEqual(before);
      await bumpRevision();
      await settle();
      expect((await catalog("?q=ebpf")).items.map((item) => item.title)).toEqual(["eBPF flow logs, renamed"]);
      await t.context.database.db
        .updateTable("projects")
        .set({ title: "eBPF flow logs for network policies" })
        .where("title", "=", "eBPF flow logs, renamed")
        .execute();
      await bumpRevision();
      await settle();
      expect((await catalog("?q=ebpf")).items.map((item) => item.title)).toEqual(["eBPF flow logs for network policies"]);
    });

    it("keeps one cached answer for any number of made-up organizations or skills, and finds nothing for them", async () => {
      const kestrel = await catalog("?org=kestrel");
      const before = responseCacheSize(t.context, "catalog");
      for (let n = 0; n < 300; n += 1) {
        expect(await catalog(`?org=made-up-${n}`)).toMatchObject({ items: [], total: 0 });
        expect(await catalog(`?skill=made-up-${n}&skill=go`)).toMatchObject({ items: [], total: 0, facets: { skills: [], organizations: [] } });
      }
      expect(await catalog("?org=made-up-1&org=kestrel&org=kestrel")).toEqual(kestrel);
      expect(responseCacheSize(t.context, "catalog")).toBeLessThanOrEqual(before + 2);
    });

    it("treats search syntax as plain words", async () => {
      const page = await catalog(`?q=${encodeURIComponent('flow" OR NEAR(x) *')}`);
      expect(page.items.map((item) => item.title)).toEqual([]);
      const quoted = await catalog(`?q=${encodeURIComponent('"flow logs"')}`);
      expect(quoted.total).toBe(1);
    });

    it.each([
      ["?limit=0", "querystring.limit: must be 1 or more"],
      ["?limit=101", "querystring.limit: must be at most 100"],
      ["?page=abc", "querystring.page"],
      [`?q=${"a".repeat(201)}`, "querystring.q: must be at most 200 characters"],
      [`?${Array.from({ length: 51 }, (_, n) => `org=org-${n}`).join("&")}`, "querystring.org: must be given at most 50 times"],
    ])("refuses %s with a message naming the parameter", async (query, message) => {
      const response = await get(`/api/terms/${TERM}/projects${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toContain(message);
    });

    it("answers 404 for the catalog of an unknown term", async () => {
      expect((await get("/api/terms/nope/projects")).statusCode).toBe(404);
    });
  });

  describe("GET /api/terms/{term}/calendar.ics", () => {
    it("is an iCalendar feed with an event per dated phase, one per closing deadline, and stable UIDs", async () => {
      const response = await get(`/api/terms/${TERM}/calendar.ics`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toContain("text/calendar");
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
      // Eight phases, and the closing deadlines of proposals, applications and review beside their spans.
      expect(events).toHaveLength(11);
      const applications = events.find((event) => event.uid === `${TERM}.applications@cohort`);
      const closes = events.find((event) => event.uid === `${TERM}.applications.closes@cohort`);
      const term = (await get(`/api/terms/${TERM}`)).json() as TermDetail;
      expect(applications?.startDate.isDate).toBe(true);
      expect(applications?.summary).toContain("mentee applications open");
      expect(closes?.startDate.toJSDate().toISOString()).toBe(term.phases[1]?.endsAt);
      expect(closes?.summary).toContain("Applications close");
      const again = new ICAL.Component(ICAL.parse((await get(`/api/terms/${TERM}/calendar.ics`)).body));
      expect(again.getAllSubcomponents("vevent").map((vevent) => vevent.getFirstPropertyValue("uid"))).toEqual(events.map((event) => event.uid));
    });

    it("answers 404 for an unknown term", async () => {
      expect((await get("/api/terms/nope/calendar.ics")).statusCode).toBe(404);
    });
  });

  describe("a term from years ago whose page has no year in its title and no last day", () => {
    const DECEMBER_2026 = new Date("2026-12-01T00:00:00.000Z");
    beforeAll(async () => {
      await importTermPage({
        database: t.context.database,
        page: parseTermPage(handMade("year-less-term.md"), { year: 2021, now: DECEMBER_2026 }),
        programSlug: "old-program",
        termSlug: "old-fall",
        projectState: "accepted",
        actor: { personId: null, label: "test" },
        now: DECEMBER_2026,
      });
    });

    it("is shown with its year and months, its timeline in the order of its dates, and complete", async () => {
      t.setNow(DECEMBER_2026);
      const term = (await get("/api/terms/old-fall")).json() as TermDetail;
      t.setNow(FIXTURE_TODAY);
      expect(term).toMatchObject({ title: "Q3 - Fall 2021 (September – November)", status: "complete", statusLabel: "Complete" });
      expect(term.phases.map((phase) => [phase.activity, phase.state])).toEqual([
        ["mentorships available on LFX Mentorship", "past"],
        ["applications open", "past"],
        ["application review/admission decisions", "past"],
        ["Fall Term", "past"],
      ]);
      expect(term.phases.at(-1)).toMatchObject({ text: "September 1st - November 31st", endsAt: "2021-12-01T08:00:00.000Z" });
    });

    it("stands for its program on the home page as complete, not in review", async () => {
      t.setNow(DECEMBER_2026);
      const { items } = (await get("/api/programs")).json() as { items: ProgramSummary[] };
      t.setNow(FIXTURE_TODAY);
      expect(items.find((program) => program.slug === "old-program")?.currentTerm).toMatchObject({ slug: "old-fall", statusLabel: "Complete" });
    });
  });
});
