import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import type { NoticePreviewView, SelectionView } from "../../../schemas/selection.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const TERM = "2026-demo-term-02";

describe.each(testDialects())("the admins' selection of a term on %s", (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  /** Application ids by "applicant→project", projects "alpha" and "beta". */
  const applications: Record<string, number> = {};
  const titles: Record<string, string> = {};

  const get = (url: string) => t.app.inject({ method: "GET", url, headers: asBrowser(admin) });
  const run = () => t.app.inject({ method: "POST", url: `/api/terms/${TERM}/selection/runs`, headers: asBrowser(admin) });
  const publish = (payload: object) => t.app.inject({ method: "POST", url: `/api/terms/${TERM}/selection/publish`, headers: asBrowser(admin), payload });
  const latestRun = async () => ((await get(`/api/terms/${TERM}/selection`)).json() as SelectionView).run?.id ?? 0;
  const override = (key: string, kind: string | null) =>
    t.app.inject({ method: "PUT", url: `/api/terms/${TERM}/selection/overrides/${applications[key]}`, headers: asBrowser(admin), payload: { kind } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(FIXTURE_TODAY);
    await seedCatalogFixture(t.context.database);
    const db = t.context.database.db;
    admin = await signUpAndVerify(t, { name: "Ann Admin", email: "ann@example.org", password: "selection routes password" });
    const adminId = (await get("/api/me")).json().id;
    const demo = await findProgramBySlug(db, "demo");
    const term = await findTermBySlug(db, TERM);
    if (!demo || !term) throw new Error("fixture incomplete");
    await grantRole(db, { personId: adminId, role: "program_admin", programId: demo.id, organizationId: null, grantedBy: null, at: FIXTURE_TODAY });
    const projects = await db
      .selectFrom("projects")
      .select(["id", "title"])
      .where("termId", "=", term.id)
      .where("state", "=", "accepted")
      .orderBy("id")
      .execute();
    const [alpha, beta] = projects as [{ id: number; title: string }, { id: number; title: string }];
    titles.alpha = alpha.title;
    titles.beta = beta.title;
    await db.updateTable("projects").set({ slots: 0 }).where("termId", "=", term.id).execute();
    await db.updateTable("projects").set({ slots: 1 }).where("id", "in", [alpha.id, beta.id]).execute();
    // Ada applied to Alpha, then Beta; Ben to Beta; both projects rank Ada first.
    const people: Record<string, number> = {};
    for (const name of ["Ada", "Ben", "=Cy"])
      people[name] = (await insertApplicant(db, { name, email: `${name.slice(-2)}@example.org`, at: FIXTURE_TODAY })).id;
    const apply = async (name: string, key: string, projectId: number, minute: number) => {
      applications[`${name}→${key}`] = await insertApplicationRow(db, {
        termId: term.id,
        projectId,
        personId: people[name] ?? 0,
        state: "submitted",
        at: new Date(FIXTURE_TODAY.getTime() + minute * 60_000),
      });
    };
    await apply("Ada", "alpha", alpha.id, 1);
    await apply("Ada", "beta", beta.id, 2);
    await apply("Ben", "beta", beta.id, 3);
    await apply("=Cy", "alpha", alpha.id, 4);
    const rank = (key: string, place: number) =>
      db
        .updateTable("applications")
        .set({ reviewMark: "shortlisted", shortlistRank: place })
        .where("id", "=", applications[key] ?? 0)
        .execute();
    await rank("Ada→alpha", 1);
    await rank("=Cy→alpha", 2);
    await rank("Ada→beta", 1);
    await rank("Ben→beta", 2);
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it("shows no proposal before the first run", async () => {
    const view = (await get(`/api/terms/${TERM}/selection`)).json() as SelectionView;
    expect(view.run).toBeNull();
    expect(view.totals).toMatchObject({ slots: 2, mentorships: 0 });
  });

  it("has no outcome notices to preview before the first run", async () => {
    const answer = await get(`/api/terms/${TERM}/selection/notices`);
    expect(answer.statusCode).toBe(409);
    expect(answer.json().detail).toContain("has not been run yet");
  });

  it("proposes a mentorship per slot, and says who got the applicant two projects wanted, and why the other lost her", async () => {
    const answer = await run();
    expect(answer.statusCode).toBe(201);
    const view = answer.json() as SelectionView;
    expect(view.run).toMatchObject({ state: "proposed", runBy: "Ann Admin" });
    const assigned = Object.fromEntries(
      view.projects.filter((item) => item.slots > 0).map((item) => [item.project.title, item.assigned.map((one) => one.applicant.name)]),
    );
    expect(assigned).toEqual({ [titles.alpha as string]: ["Ada"], [titles.beta as string]: ["Ben"] });
    expect(view.conflicts).toEqual([
      {
        applicant: { name: "Ada", githubHandle: null },
        project: expect.objectContaining({ title: titles.alpha }),
        others: [
          {
            applicationId: applications["Ada→beta"],
            project: expect.objectContaining({ title: titles.beta }),
            projectRank: 1,
            because: "applicant-preferred-another",
            words: "The applicant put the project they got first.",
          },
        ],
      },
    ]);
    expect(view.leftWithout).toEqual({
      total: 1,
      items: [{ applicant: { name: "=Cy", githubHandle: null }, rankedBy: [expect.objectContaining({ title: titles.alpha })] }],
    });
    expect(view.totals).toEqual({ slots: 2, mentorships: 2, emptySlots: 0, conflicts: 1, leftWithout: 1 });
  });

  it("honours a pin and an exclusion on the next run, and refuses pins the slots cannot hold", async () => {
    expect((await override("=Cy→alpha", "pin")).statusCode).toBe(200);
    const view = (await run()).json() as SelectionView;
    const alpha = view.projects.find((item) => item.project.title === titles.alpha);
    expect(alpha?.assigned).toEqual([expect.objectContaining({ applicant: { name: "=Cy", githubHandle: null }, pinned: true, projectRank: 2 })]);
    expect(view.overrides).toEqual([expect.objectContaining({ kind: "pin", applicant: "=Cy" })]);
    expect((await override("Ada→alpha", "pin")).statusCode).toBe(200);
    const refused = await run();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("more pins than its 1 slots");
    expect((await override("Ada→alpha", null)).statusCode).toBe(200);
    expect((await override("Ada→beta", "exclude")).statusCode).toBe(200);
    const excluded = (await run()).json() as SelectionView;
    expect(excluded.projects.find((item) => item.project.title === titles.beta)?.assigned.map((one) => one.applicant.name)).toEqual(["Ben"]);
  });

  it("downloads the proposal as CSV, a row per mentorship, with formula cells neutralized", async () => {
    const answer = await get(`/api/terms/${TERM}/selection.csv`);
    expect(answer.headers["content-type"]).toContain("text/csv");
    const lines = answer.body.split("\r\n");
    expect(lines[0]).toBe("organization,project,slots,applicant,github,project rank,applicant choice,pinned,empty slot reason");
    expect(lines.some((line) => line.includes(`,'=Cy,`))).toBe(true);
  });

  it("refuses an override of an application that is not a submitted one of the term", async () => {
    const answer = await t.app.inject({
      method: "PUT",
      url: `/api/terms/${TERM}/selection/overrides/999999`,
      headers: asBrowser(admin),
      payload: { kind: "pin" },
    });
    expect(answer.statusCode).toBe(404);
    const bad = await override("Ben→beta", "keep");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "kind" });
  });

  it("dry-runs the outcome notices of the latest proposal: one per applicant, counted, each in full", async () => {
    // The last run proposes =Cy for Alpha and Ben for Beta; Ada, who applied to both, gets one "not selected".
    const answer = await get(`/api/terms/${TERM}/selection/notices`);
    expect(answer.statusCode).toBe(200);
    const preview = answer.json() as NoticePreviewView;
    expect(preview).toMatchObject({ run: { state: "proposed" }, sentAt: null });
    expect(preview.counts).toEqual({ recipients: 3, offers: 2, notSelected: 1, withoutEmail: 0 });
    const ada = preview.recipients.find((item) => item.name === "Ada");
    expect(ada).toMatchObject({ kind: "not_selected", projects: [titles.alpha, titles.beta] });
    const notice = await get(`/api/terms/${TERM}/selection/notices/${ada?.personId}`);
    expect(notice.statusCode).toBe(200);
    expect(notice.json()).toMatchObject({ to: { name: "Ada" }, kind: "not_selected" });
    expect((await get(`/api/terms/${TERM}/selection/notices/2147483647`)).statusCode).toBe(404);
  });

  it("refuses a publication without the run, or of a run that is no longer the latest proposal, naming the field", async () => {
    const missing = await publish({});
    expect(missing.statusCode).toBe(400);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json().errors[0]).toMatchObject({ field: "run" });

    const reviewed = await latestRun();
    const latest = ((await run()).json() as SelectionView).run?.id;
    const stale = await publish({ run: reviewed });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    expect(stale.json().detail).toContain(`Run ${reviewed} is not the latest proposal`);
    expect(stale.json().errors).toEqual([{ field: "run", code: "stale", detail: `must be the latest proposal, run ${latest}` }]);
    expect(((await get(`/api/terms/${TERM}/selection`)).json() as SelectionView).run).toMatchObject({ id: latest, state: "proposed" });
  });

  it("publishes the latest proposal once: a second publication is refused, saying when the first was", async () => {
    const latest = await latestRun();
    const published = await publish({ run: latest });
    expect(published.statusCode).toBe(200);
    expect((published.json() as SelectionView).run).toMatchObject({ id: latest, state: "published" });
    const again = await publish({ run: latest });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/was published on .*; it is published once\.$/);
  });
});
