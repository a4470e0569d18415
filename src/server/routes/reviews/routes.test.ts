import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, sessionCookieOf, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import type { MyApplicationsResponse } from "../../../schemas/application.ts";
import type { ApplicationReview, ReviewQueueResponse } from "../../../schemas/review.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { addProjectMentor, findProjectInProgram } from "../../../storage/repos/project-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const PASSWORD = "review routes password";
const TERM = "2026-demo-term-02";
const EBPF = `${TERM}-ebpf-flow-logs-for-network-policies`;
const TRACE = `${TERM}-trace-sampling-that-adapts-to-traffic`;

describe.each(testDialects())("reviewing a project's applications on %s", (dialect) => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};
  const ids: Record<string, number> = {};
  /** The applications to eBPF, by applicant: ari, bo and cy. */
  const applications: Record<string, number> = {};

  const as = (name: string) => asBrowser(sessions[name] as TestSession);
  const get = (url: string, who?: string) => t.app.inject({ method: "GET", url, headers: who ? as(who) : {} });
  const send = (method: "PUT" | "POST", url: string, payload: object | undefined, who: string) =>
    t.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) });
  const review = (name: string, who: string) => get(`/api/applications/${applications[name]}/review`, who);
  const score = (name: string, value: unknown, who: string) => send("PUT", `/api/applications/${applications[name]}/review/score`, { score: value }, who);
  const mark = (name: string, value: string | null, who: string) => send("PUT", `/api/applications/${applications[name]}/review/mark`, { mark: value }, who);
  const queue = async (who: string) => (await get(`/api/projects/${EBPF}/review`, who)).json() as ReviewQueueResponse;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(FIXTURE_TODAY);
    await seedCatalogFixture(t.context.database);
    const db = t.context.database.db;
    for (const name of ["mentor", "coMentor", "otherMentor", "admin", "ari", "bo", "cy"]) {
      sessions[name] = await signUpAndVerify(t, { name: `${name[0]?.toUpperCase()}${name.slice(1)}`, email: `${name}@example.org`, password: PASSWORD });
      ids[name] = (await get("/api/me", name)).json().id;
    }
    const demo = await findProgramBySlug(db, "demo");
    const ebpf = await findProjectInProgram(db, EBPF);
    const trace = await findProjectInProgram(db, TRACE);
    const term = await findTermBySlug(db, TERM);
    if (!demo || !ebpf || !trace || !term) throw new Error("fixture incomplete");
    await addProjectMentor(db, ebpf.id, ids.mentor ?? 0);
    await addProjectMentor(db, ebpf.id, ids.coMentor ?? 0);
    await addProjectMentor(db, trace.id, ids.otherMentor ?? 0);
    await grantRole(db, { personId: ids.admin ?? 0, role: "program_admin", programId: demo.id, organizationId: null, grantedBy: null, at: FIXTURE_TODAY });
    for (const [minute, name] of ["ari", "bo", "cy"].entries()) {
      const at = new Date(FIXTURE_TODAY.getTime() - (10 - minute) * 60_000);
      applications[name] = await insertApplicationRow(db, { termId: term.id, projectId: ebpf.id, personId: ids[name] ?? 0, state: "submitted", at });
    }
    // Ari also applied to Trace: the review shows that she has one other application, never where.
    await insertApplicationRow(db, { termId: term.id, projectId: trace.id, personId: ids.ari ?? 0, state: "submitted", at: FIXTURE_TODAY });
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it("keeps each mentor's score, shows co-mentors' with their names, and refuses a score outside 1–5 naming the field", async () => {
    expect((await score("ari", 4, "mentor")).statusCode).toBe(200);
    const answer = await score("ari", 2, "coMentor");
    expect(answer.statusCode).toBe(200);
    const seen = answer.json() as ApplicationReview;
    expect(seen.scores.map((item) => [item.mentor, item.score, item.mine])).toEqual([
      ["CoMentor", 2, true],
      ["Mentor", 4, false],
    ]);
    expect(seen.otherApplications).toBe(1);
    for (const bad of [0, 6, 2.5, "5"]) {
      const refused = await score("ari", bad, "mentor");
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ field: "score" });
    }
    expect((await score("ari", null, "coMentor")).json().scores).toHaveLength(1);
    const item = (await queue("mentor")).items.find((entry) => entry.id === applications.ari);
    expect(item).toMatchObject({ myScore: 4, scores: { count: 1, average: 4 }, otherApplications: 1 });
  });

  it("shows notes with their authors to co-mentors and admins, and never to the applicant, another project's mentor or a visitor", async () => {
    const written = await send("POST", `/api/applications/${applications.bo}/review/notes`, { body: "Strong tests in the first PR." }, "mentor");
    expect(written.statusCode).toBe(201);
    expect((await send("POST", `/api/applications/${applications.bo}/review/notes`, { body: "Agreed." }, "admin")).statusCode).toBe(201);
    const notes = ((await review("bo", "coMentor")).json() as ApplicationReview).notes;
    expect(notes.map((note) => [note.author, note.body])).toEqual([
      ["Mentor", "Strong tests in the first PR."],
      ["Admin", "Agreed."],
    ]);
    expect((await review("bo", "bo")).statusCode).toBe(404);
    expect((await review("bo", "otherMentor")).statusCode).toBe(404);
    expect((await get(`/api/applications/${applications.bo}/review`)).statusCode).toBe(401);
    const empty = await send("POST", `/api/applications/${applications.bo}/review/notes`, { body: "   " }, "mentor");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: "body" });
    expect((await queue("admin")).items.find((entry) => entry.id === applications.bo)?.notes).toBe(2);
  });

  it("puts a shortlisted application last in the ranking, reorders the shortlist, and closes the gap when one leaves it", async () => {
    for (const name of ["ari", "bo", "cy"]) expect((await mark(name, "shortlisted", "mentor")).json().shortlistRank).toBeGreaterThan(0);
    const ranked = await send("PUT", `/api/projects/${EBPF}/shortlist`, { applications: [applications.cy, applications.ari, applications.bo] }, "coMentor");
    expect(ranked.statusCode).toBe(200);
    const rankOf = (data: ReviewQueueResponse) => Object.fromEntries(data.items.map((item) => [item.id, item.shortlistRank]));
    expect(rankOf(ranked.json())).toEqual({ [applications.cy as number]: 1, [applications.ari as number]: 2, [applications.bo as number]: 3 });
    expect((await mark("cy", "not_shortlisted", "mentor")).json()).toMatchObject({ mark: "not_shortlisted", shortlistRank: null });
    expect(rankOf(await queue("mentor"))).toEqual({ [applications.cy as number]: null, [applications.ari as number]: 1, [applications.bo as number]: 2 });
    const events = await listAuditEventsFor(t.context.database.db, "project", (await findProjectInProgram(t.context.database.db, EBPF))?.id ?? 0);
    expect(events.map((event) => event.action)).toContain("project.shortlist_ranked");
  });

  it("refuses a ranking that names someone not shortlisted, names one twice or leaves one out, and changes nothing", async () => {
    const before = await queue("mentor");
    const rank = (list: unknown[]) => send("PUT", `/api/projects/${EBPF}/shortlist`, { applications: list }, "mentor");
    const notShortlisted = await rank([applications.cy, applications.ari, applications.bo]);
    expect(notShortlisted.statusCode).toBe(400);
    expect(notShortlisted.json().errors).toEqual([
      { field: "applications.0", code: "not_shortlisted", detail: expect.stringContaining(`Application ${applications.cy} is not on the shortlist`) },
    ]);
    expect((await rank([applications.ari, applications.ari, applications.bo])).json().errors[0]).toMatchObject({ field: "applications.1", code: "duplicate" });
    expect((await rank([applications.bo])).json().errors[0]).toMatchObject({ field: "applications", code: "missing" });
    expect(await queue("mentor")).toEqual(before);
  });

  it("refuses scoring and ranking to admins, who read and write notes", async () => {
    expect((await score("ari", 5, "admin")).statusCode).toBe(403);
    expect((await mark("ari", "shortlisted", "admin")).statusCode).toBe(403);
    expect((await send("PUT", `/api/projects/${EBPF}/shortlist`, { applications: [] }, "admin")).statusCode).toBe(403);
    expect((await queue("admin")).canReview).toBe(false);
    expect((await queue("mentor")).canReview).toBe(true);
  });

  it("lets an applicant rank their own submitted applications of the term, refusing a ranking that leaves one out or names another's", async () => {
    const mine = async () => ((await get("/api/me/applications", "ari")).json() as MyApplicationsResponse).items.filter((item) => item.term.slug === TERM);
    const [trace] = (await mine()).filter((item) => item.id !== applications.ari);
    const rank = (list: unknown[], who = "ari") => send("PUT", `/api/terms/${TERM}/my-ranking`, { applications: list }, who);
    const ranked = await rank([trace?.id, applications.ari]);
    expect(ranked.statusCode).toBe(200);
    expect(Object.fromEntries((await mine()).map((item) => [item.id, item.preference]))).toEqual({ [trace?.id ?? 0]: 1, [applications.ari as number]: 2 });
    const missing = await rank([applications.ari]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: "applications", code: "missing", detail: expect.stringContaining("is missing") }]);
    expect((await rank([applications.bo, applications.ari, trace?.id])).json().errors[0]).toMatchObject({ field: "applications.0", code: "not_yours" });
    // Mentors never see an applicant's preferences: the review has no such field.
    expect(Object.keys((await review("ari", "mentor")).json())).not.toContain("preference");
  });

  it("hides an application from a mentor who declares a conflict of interest, and tells the admins who declared it", async () => {
    expect((await send("POST", `/api/applications/${applications.cy}/review/conflict`, undefined, "coMentor")).statusCode).toBe(204);
    expect((await review("cy", "coMentor")).statusCode).toBe(404);
    expect((await get(`/api/applications/${applications.cy}`, "coMentor")).statusCode).toBe(404);
    expect((await queue("coMentor")).items.map((item) => item.id)).not.toContain(applications.cy);
    const listed = (await get(`/api/projects/${EBPF}/applications`, "coMentor")).json() as { items: Array<{ id: number }> };
    expect(listed.items.map((item) => item.id)).not.toContain(applications.cy);
    expect((await review("cy", "mentor")).json().conflicts).toEqual([]);
    expect(((await review("cy", "admin")).json() as ApplicationReview).conflicts.map((conflict) => conflict.mentor)).toEqual(["CoMentor"]);
    expect((await queue("admin")).items.find((item) => item.id === applications.cy)?.conflicts).toBe(1);
    const told = await t.context.database.db
      .selectFrom("outbox")
      .select(["recipientEmail", "subject", "bodyText"])
      .where("subject", "like", "Conflict of interest%")
      .execute();
    expect(told).toEqual([
      {
        recipientEmail: "admin@example.org",
        subject: expect.stringContaining("Conflict of interest declared"),
        bodyText: expect.stringContaining("CoMentor declared"),
      },
    ]);
  });

  it("refuses review changes after the review window with its end, while admins still write notes, audited as an override", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    const phase = await db
      .selectFrom("timelinePhases")
      .select("endsAt")
      .where("termId", "=", term?.id ?? 0)
      .where("kind", "=", "review")
      .executeTakeFirstOrThrow();
    // The first millisecond after review, weeks later: the mentor and the admin sign in again.
    t.setNow(new Date(new Date(phase.endsAt ?? "").getTime()));
    for (const name of ["mentor", "admin"]) {
      const signedIn = await t.app.inject({ method: "POST", url: "/api/auth/signin", payload: { email: `${name}@example.org`, password: PASSWORD } });
      sessions[name] = { cookie: sessionCookieOf(signedIn) ?? "", csrfToken: signedIn.json().csrfToken };
    }
    try {
      const late = await score("ari", 3, "mentor");
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/^Application reviews for Term 02 .* closed on .* \(.* UTC\)\.$/);
      expect((await queue("mentor")).review.open).toBe(false);
      expect((await send("POST", `/api/applications/${applications.ari}/review/notes`, { body: "Late note." }, "admin")).statusCode).toBe(201);
      const events = await listAuditEventsFor(t.context.database.db, "application", applications.ari ?? 0);
      expect(events.find((event) => event.action === "application.noted" && JSON.stringify(event.changes).includes("override"))).toBeDefined();
    } finally {
      t.setNow(FIXTURE_TODAY);
    }
  });

  it("closes the review of an application its applicant withdrew", async () => {
    await t.context.database.db
      .updateTable("applications")
      .set({ state: "withdrawn" })
      .where("id", "=", applications.bo ?? 0)
      .execute();
    expect((await review("bo", "mentor")).statusCode).toBe(404);
    expect((await queue("mentor")).items.map((item) => item.id)).not.toContain(applications.bo);
  });

  it("marks the undecided rest not shortlisted at once, only those its preview listed, refusing one decided since", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    const ebpf = await findProjectInProgram(db, EBPF);
    const dee = await insertApplicant(db, { name: "Dee", email: "dee@example.org", at: FIXTURE_TODAY });
    const id = await insertApplicationRow(db, { termId: term?.id ?? 0, projectId: ebpf?.id ?? 0, personId: dee.id, state: "submitted", at: FIXTURE_TODAY });
    const url = `/api/projects/${EBPF}/review/not-shortlisted`;
    const refused = await send("POST", url, { applications: [id, applications.ari] }, "mentor");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: "applications.1", code: "not_undecided", detail: expect.stringContaining(`Application ${applications.ari}`) },
    ]);
    expect((await send("POST", url, { applications: [id] }, "admin")).statusCode).toBe(403);
    const done = await send("POST", url, { applications: [id] }, "mentor");
    expect(done.statusCode).toBe(200);
    expect((done.json() as ReviewQueueResponse).items.find((item) => item.id === id)?.mark).toBe("not_shortlisted");
  });
});
