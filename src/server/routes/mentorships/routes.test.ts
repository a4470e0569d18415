import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import { buildPermissionWorld, type Caller, type PermissionWorld } from "../../../../test/permissions/callers.ts";
import { insertMentoredProject, insertRowsTerm } from "../../../../test/permissions/rows-term.ts";
import type { MentorshipView, MyMentorshipsResponse } from "../../../schemas/mentorship.ts";
import { insertMentorship } from "../../../storage/repos/offer-repo.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDialects())("mentorships on %s", (dialect) => {
  let t: TestApp;
  let w: PermissionWorld;
  let mentorship = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    w = await buildPermissionWorld(t);
    const { term, organizationId } = await insertRowsTerm(t, w, {
      slug: "mentorship-routes-term",
      title: "Mentorship Routes Term",
      phases: [
        { kind: "start", activity: "mentorship begins", fromDay: -10, toDay: -10 },
        { kind: "midterm", activity: "midterm evaluations", fromDay: 20, toDay: 25 },
        { kind: "final", activity: "final evaluations", fromDay: 60, toDay: 65 },
      ],
    });
    const project = await insertMentoredProject(t, w, {
      termId: term.id,
      organizationId,
      slug: "mentorship-routes-project",
      title: "Mentored in the routes test",
    });
    const db = t.context.database.db;
    const at = t.context.now();
    const applicationId = await insertApplicationRow(db, { termId: term.id, projectId: project.id, personId: w.personIds.applicant, state: "accepted", at });
    mentorship = await insertMentorship(db, { termId: term.id, projectId: project.id, personId: w.personIds.applicant, applicationId, at });
  }, 120_000);
  afterAll(() => t.dispose());

  const headersOf = (caller: Exclude<Caller, "visitor">) => asBrowser(w.sessions[caller]);
  const read = async (caller: Exclude<Caller, "visitor">) =>
    (await t.app.inject({ method: "GET", url: `/api/mentorships/${mentorship}`, headers: headersOf(caller) })).json() as MentorshipView;
  const extend = (payload: object) =>
    t.app.inject({ method: "PUT", url: `/api/mentorships/${mentorship}/extension`, headers: headersOf("programAdmin"), payload });
  const dateOf = (view: MentorshipView, kind: string) => view.dates.find((date) => date.kind === kind);

  it("its mentee and its mentor read it, and each finds it among their mentorships", async () => {
    const view = await read("applicant");
    expect(view).toMatchObject({ state: "active", project: { title: "Mentored in the routes test" }, extension: null, canManage: false });
    expect(view.mentors).toHaveLength(1);
    expect(view.dates.map((date) => [date.kind, date.moved])).toEqual([
      ["start", false],
      ["midterm", false],
      ["final", false],
    ]);
    const mine = async (caller: Exclude<Caller, "visitor">) =>
      ((await t.app.inject({ method: "GET", url: "/api/me/mentorships", headers: headersOf(caller) })).json() as MyMentorshipsResponse).items.find(
        (item) => item.id === mentorship,
      )?.role;
    expect(await mine("applicant")).toBe("mentee");
    expect(await mine("mentorOfProject")).toBe("mentor");
    expect(await mine("anotherApplicant")).toBeUndefined();
  });

  it("an admin extends it by two weeks with a reason: its later dates move, its start does not, and only admins read the reason", async () => {
    const before = await read("applicant");
    const response = await extend({ weeks: 2, reason: "Exams in May." });
    expect(response.statusCode).toBe(200);
    const after = response.json() as MentorshipView;
    expect(after.extension).toMatchObject({ weeks: 2, reason: "Exams in May." });
    expect(dateOf(after, "start")).toEqual(dateOf(before, "start"));
    for (const kind of ["midterm", "final"]) {
      const moved = dateOf(after, kind);
      expect(moved?.moved).toBe(true);
      expect(Date.parse(moved?.startsAt ?? "") - Date.parse(dateOf(before, kind)?.startsAt ?? "")).toBe(14 * DAY_MS);
    }
    expect((await read("applicant")).extension).toMatchObject({ weeks: 2, reason: null });
    const audit = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?action=mentorship.extended`, headers: headersOf("programAdmin") });
    expect(audit.json().items[0]).toMatchObject({ action: "mentorship.extended" });
  });

  it("refuses an extension out of 1–5 weeks or without a reason by its field, and one of a mentorship that ended", async () => {
    const long = await extend({ weeks: 6, reason: "Too long." });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ field: "weeks" });
    const silent = await extend({ weeks: 1, reason: " " });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().errors[0]).toMatchObject({ field: "reason" });
    await t.context.database.db.updateTable("mentorships").set({ state: "ended" }).where("id", "=", mentorship).execute();
    const ended = await extend({ weeks: 1, reason: "Too late." });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().detail).toBe("This mentorship is ended; only an active one is extended.");
  });
});
