import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../../../../test/helpers/smtp-server.ts";
import { draftReminderKey } from "../../../commands/applications/draft-reminders.ts";
import { createMailer } from "../../../jobs/mailer.ts";
import { createOutboxWorker } from "../../../jobs/outbox-worker.ts";
import type { TermSetup, TermSetupBody } from "../../../schemas/term-setup.ts";
import { insertAccount, updatePerson } from "../../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findOrganizationBySlug } from "../../../storage/repos/organization-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { insertProject } from "../../../storage/repos/project-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findJobByKey } from "../../../storage/repos/scheduled-job-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const LA = "America/Los_Angeles";
// Proposals are open from 5 Jan to 28 Jan 2027, 17:00 PST; it is 20 Jan.
const NOW = new Date("2027-01-20T20:00:00.000Z");

function setupBody(title: string, extra: Partial<TermSetupBody> = {}): TermSetupBody {
  return {
    title,
    timeZone: LA,
    lengthWeeks: 12,
    timeline: [
      { kind: "proposals", activity: "Project proposals", startsLocal: "2027-01-05T09:00", endsLocal: "2027-01-28T17:00" },
      { kind: "applications", activity: "Mentee applications", startsLocal: "2027-02-08T09:00", endsLocal: "2027-02-23T17:00" },
      { kind: null, activity: "Community call", startsLocal: null, endsLocal: "2027-02-10T08:00" },
    ],
    ...extra,
  };
}

describe.each(testDialects())("setting up a term on %s", (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let applicant: TestSession;
  let otherAdmin: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow(NOW);
    await seedCatalogFixture(t.context.database);
    const db = t.context.database.db;
    const demo = await findProgramBySlug(db, "demo");
    const hostile = await findProgramBySlug(db, "hostile");
    if (!demo || !hostile) throw new Error("fixture incomplete");
    admin = await signUpAndVerify(t, { name: "Ada Admin", email: "ada@example.org", password: "a long enough password" });
    applicant = await signUpAndVerify(t, { name: "Abe Applicant", email: "abe@example.org", password: "a long enough password" });
    otherAdmin = await signUpAndVerify(t, { name: "Oz Other", email: "oz@example.org", password: "a long enough password" });
    const idOf = async (session: TestSession) =>
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: session.cookie } })).json().id as number;
    await grantRole(db, { personId: await idOf(admin), role: "program_admin", programId: demo.id, organizationId: null, grantedBy: null, at: NOW });
    await grantRole(db, { personId: await idOf(otherAdmin), role: "program_admin", programId: hostile.id, organizationId: null, grantedBy: null, at: NOW });
  }, 120_000);
  afterAll(() => t.dispose());

  const create = (body: TermSetupBody, headers = asBrowser(admin)) => t.app.inject({ method: "POST", url: "/api/programs/demo/terms", headers, payload: body });

  it("an admin creates a draft with a slug from its title and the program's slot budget, its timeline in local times beside their instants", async () => {
    const settings = await t.app.inject({ method: "PATCH", url: "/api/programs/demo/settings", headers: asBrowser(admin), payload: { slotBudget: 25 } });
    expect(settings.statusCode, settings.body).toBe(200);
    const response = await create(setupBody("Spring 2027"));
    expect(response.statusCode, response.body).toBe(201);
    const term = response.json() as TermSetup;
    expect(term).toMatchObject({
      slug: "spring-2027",
      programSlug: "demo",
      published: false,
      publishedAt: null,
      slugEditable: true,
      lengthWeeks: 12,
      slotBudget: 25,
    });
    expect(term.timeline[0]).toEqual({
      kind: "proposals",
      activity: "Project proposals",
      startsLocal: "2027-01-05T09:00",
      endsLocal: "2027-01-28T17:00",
      startsAt: "2027-01-05T17:00:00.000Z",
      endsAt: "2027-01-29T01:00:00.000Z",
    });
    const again = await create(setupBody("Spring 2027"));
    expect(again.json().slug).toBe("spring-2027-2");
    const audit = await listAuditEventsFor(t.context.database.db, "term", (await findTermBySlug(t.context.database.db, "spring-2027"))?.id ?? 0);
    expect(audit.map((event) => event.action)).toEqual(["term.created"]);
  });

  it("refuses a time the clocks skip and a time they repeat, one problem per row and field, and writes nothing", async () => {
    const body = setupBody("Gap term", {
      timeline: [
        { kind: "proposals", activity: "Project proposals", startsLocal: "2027-03-14T02:30", endsLocal: "2027-03-20T17:00" },
        { kind: "applications", activity: "Mentee applications", startsLocal: "2027-04-01T09:00", endsLocal: "2027-11-07T01:30" },
      ],
    });
    const response = await create(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "INVALID_INPUT",
      detail: expect.stringContaining("Timeline row 1 (Project proposals), start: 2:30 AM does not exist on Sun 14 Mar 2027 in America/Los_Angeles"),
      errors: [
        { field: "timeline.0.startsLocal", code: "nonexistent_local_time" },
        { field: "timeline.1.endsLocal", code: "ambiguous_local_time", detail: expect.stringContaining("1:30 AM PDT (08:30 UTC) or 1:30 AM PST (09:30 UTC)") },
      ],
    });
    expect(await findTermBySlug(t.context.database.db, "gap-term")).toBeUndefined();
    const chosen = body.timeline.map((row, index) => (index === 1 ? { ...row, endsFold: "later" as const } : { ...row, startsLocal: "2027-03-14T03:00" }));
    const fixed = await create({ ...body, timeline: chosen });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json().timeline[1]).toMatchObject({ endsAt: "2027-11-07T09:30:00.000Z", endsLocal: "2027-11-07T01:30", endsFold: "later" });
  });

  it("refuses an unknown zone and a slug another term has, naming the field, and spells a known zone as the zone database does", async () => {
    const zone = await create(setupBody("Zone term", { timeZone: "Mars/Olympus_Mons" }));
    expect(zone.statusCode).toBe(400);
    expect(zone.json().errors).toEqual([{ field: "timeZone", code: "unknown_time_zone", detail: expect.stringContaining("Mars/Olympus_Mons") }]);
    // A zone typed in another letter case is stored as the zone database spells it.
    const lower = await create(setupBody("Lower-case zone", { timeZone: "america/los_angeles" }));
    expect(lower.statusCode, lower.body).toBe(201);
    expect(lower.json().timeZone).toBe("America/Los_Angeles");
    const taken = await create(setupBody("Taken", { slug: "2026-demo-term-02" }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ field: "slug", code: "taken", detail: expect.stringContaining('"2026-demo-term-02"') }]);
  });

  it("a draft is not found by anyone but its program's admins on every public read, and its catalog is never served to them from the cache", async () => {
    const draft = (await create(setupBody("Hidden 2027", { slug: "hidden-2027" }))).json() as TermSetup;
    const reads = [`/api/terms/${draft.slug}`, `/api/terms/${draft.slug}/projects`, `/api/terms/${draft.slug}/calendar.ics`, `/api/terms/${draft.slug}/setup`];
    // The admin reads first, so that a cache shared by every caller would hold the draft's answers.
    for (const url of reads) expect((await t.app.inject({ method: "GET", url, headers: { cookie: admin.cookie } })).statusCode, url).toBe(200);
    for (const url of reads) {
      expect((await t.app.inject({ method: "GET", url })).statusCode, `visitor ${url}`).toBe(url.endsWith("/setup") ? 401 : 404);
      expect((await t.app.inject({ method: "GET", url, headers: { cookie: applicant.cookie } })).statusCode, `applicant ${url}`).toBe(404);
      expect((await t.app.inject({ method: "GET", url, headers: { cookie: otherAdmin.cookie } })).statusCode, `other admin ${url}`).toBe(404);
    }
    const listed = async (session?: TestSession) =>
      (
        (await t.app.inject({ method: "GET", url: "/api/programs/demo/terms", headers: session ? { cookie: session.cookie } : {} })).json().items as Array<{
          slug: string;
          draft: boolean;
        }>
      ).filter((term) => term.slug === draft.slug);
    expect(await listed()).toEqual([]);
    expect(await listed(applicant)).toEqual([]);
    expect(await listed(admin)).toEqual([expect.objectContaining({ slug: draft.slug, draft: true })]);
    const programs = (await t.app.inject({ method: "GET", url: "/api/programs" })).json().items as Array<{ currentTerm: { draft: boolean } | null }>;
    expect(programs.every((program) => program.currentTerm?.draft !== true)).toBe(true);

    // A shared cache (a proxy, a CDN) must not keep the admin's copy of the draft's feed for others.
    const adminFeed = await t.app.inject({ method: "GET", url: `/api/terms/${draft.slug}/calendar.ics`, headers: { cookie: admin.cookie } });
    expect(adminFeed.headers["cache-control"]).toBe("private, no-store");

    const published = await t.app.inject({ method: "POST", url: `/api/terms/${draft.slug}/publish`, headers: asBrowser(admin) });
    expect(published.json()).toMatchObject({ published: true, publishedAt: NOW.toISOString(), slugEditable: false });
    for (const url of reads.slice(0, 3)) expect((await t.app.inject({ method: "GET", url })).statusCode, `published ${url}`).toBe(200);
    expect(await listed()).toEqual([expect.objectContaining({ slug: draft.slug, draft: false })]);
    expect((await t.app.inject({ method: "GET", url: `/api/terms/${draft.slug}/calendar.ics` })).headers["cache-control"]).toBe("public, max-age=300");
  });

  it("answers a signed-in person who is not the term's admin 403 on a published term and 404 on a draft", async () => {
    const draft = (await create(setupBody("Private 2027"))).json() as TermSetup;
    const setup = (slug: string, session: TestSession) =>
      t.app.inject({ method: "PATCH", url: `/api/terms/${slug}/setup`, headers: asBrowser(session), payload: { title: "Mine" } });
    expect((await setup(draft.slug, applicant)).statusCode).toBe(404);
    expect((await setup(draft.slug, otherAdmin)).statusCode).toBe(404);
    expect((await setup("2026-demo-term-02", applicant)).statusCode).toBe(403);
    expect((await setup("2026-demo-term-02", otherAdmin)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: `/api/terms/${draft.slug}/publish` })).statusCode).toBe(401);
  });

  it("a slug can change until the term is published, then it stays", async () => {
    const draft = (await create(setupBody("Renamed 2027"))).json() as TermSetup;
    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/terms/${draft.slug}/setup`,
      headers: asBrowser(admin),
      payload: { slug: "renamed-2027-b" },
    });
    expect(renamed.json()).toMatchObject({ slug: "renamed-2027-b" });
    await t.app.inject({ method: "POST", url: "/api/terms/renamed-2027-b/publish", headers: asBrowser(admin) });
    const refused = await t.app.inject({
      method: "PATCH",
      url: "/api/terms/renamed-2027-b/setup",
      headers: asBrowser(admin),
      payload: { slug: "renamed-again" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([{ field: "slug", code: "published", detail: expect.stringContaining("published") }]);
    const term = await findTermBySlug(t.context.database.db, "renamed-2027-b");
    const audit = await listAuditEventsFor(t.context.database.db, "term", term?.id ?? 0);
    expect(audit.map((event) => event.action)).toEqual(["term.created", "term.updated", "term.published"]);
    expect(JSON.parse(audit[1]?.changes ?? "{}")).toEqual({ slug: { before: draft.slug, after: "renamed-2027-b" } });
  });

  it("copies a term as a draft, its timeline weeks later at the same local time", async () => {
    const source = (await create(setupBody("Source 2027"))).json() as TermSetup;
    const copy = await t.app.inject({
      method: "POST",
      url: `/api/terms/${source.slug}/copy`,
      headers: asBrowser(admin),
      payload: { title: "Source 2027 again", shiftWeeks: 10 },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const copied = copy.json() as TermSetup;
    expect(copied).toMatchObject({ slug: "source-2027-again", published: false, lengthWeeks: 12, timeZone: LA });
    // 28 Jan 17:00 PST ten weeks on is 8 Apr 17:00 PDT: the same wall-clock time.
    expect(copied.timeline[0]).toMatchObject({ startsLocal: "2027-03-16T09:00", endsLocal: "2027-04-08T17:00", endsAt: "2027-04-09T00:00:00.000Z" });
    const term = await findTermBySlug(t.context.database.db, copied.slug);
    const audit = await listAuditEventsFor(t.context.database.db, "term", term?.id ?? 0);
    expect(audit.map((event) => [event.action, JSON.parse(event.changes).from])).toEqual([["term.copied", source.slug]]);
  });

  describe("editing a published term's timeline", () => {
    let smtp: TestSmtpServer;
    let slug: string;
    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      slug = ((await create(setupBody("Moving 2027", { slug: "moving-2027" }))).json() as TermSetup).slug;
      await t.app.inject({ method: "POST", url: `/api/terms/${slug}/publish`, headers: asBrowser(admin) });
      const db = t.context.database.db;
      const demo = await findProgramBySlug(db, "demo");
      const term = await findTermBySlug(db, slug);
      const kestrel = demo ? await findOrganizationBySlug(db, demo.id, "kestrel") : undefined;
      const saltbox = demo ? await findOrganizationBySlug(db, demo.id, "saltbox") : undefined;
      if (!demo || !term || !kestrel || !saltbox) throw new Error("fixture incomplete");
      const person = async (name: string, email: string, timeZone: string | null, organizationId: number) => {
        const row = await insertAccount(db, { name, email, passwordHash: null, emailVerifiedAt: NOW.toISOString(), at: NOW });
        if (timeZone) await updatePerson(db, row.id, { timeZone }, NOW);
        await grantRole(db, { personId: row.id, role: "maintainer", programId: demo.id, organizationId, grantedBy: null, at: NOW });
      };
      await person("Kim Kestrel", "kim@kestrel.example", null, kestrel.id);
      await person("Kai Kestrel", "kai@kestrel.example", "Europe/Berlin", kestrel.id);
      await person("Sal Saltbox", "sal@saltbox.example", null, saltbox.id);
      const project = (organizationId: number, projectSlug: string, state: "proposed" | "withdrawn") =>
        insertProject(
          db,
          term.id,
          projectSlug,
          {
            organizationId,
            title: projectSlug,
            groupName: null,
            intro: null,
            description: "",
            expectedOutcome: "",
            descriptionHtml: "",
            expectedOutcomeHtml: "",
            summary: "",
            skillsText: "",
            externalUrl: null,
            state,
            sourceLine: null,
          },
          NOW,
        );
      // Two proposals of Kestrel's (its maintainers hear once each), Saltbox's withdrawn (they hear nothing).
      await project(kestrel.id, "moving-2027-kestrel-a", "proposed");
      await project(kestrel.id, "moving-2027-kestrel-b", "proposed");
      await project(saltbox.id, "moving-2027-saltbox", "withdrawn");
    });
    afterAll(() => smtp.close());

    const timelineWith = (endsLocal: string) => setupBody("Moving 2027").timeline.map((row, index) => (index === 0 ? { ...row, endsLocal } : row));
    const patch = (payload: object) => t.app.inject({ method: "PATCH", url: `/api/terms/${slug}/setup`, headers: asBrowser(admin), payload });

    async function deliver(): Promise<void> {
      const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Cohort <no-reply@cohort.test>" });
      if (!mailer) throw new Error("no mailer");
      const worker = createOutboxWorker({ database: t.context.database, mailer, now: () => NOW, log: { debug() {}, info() {}, warn() {}, error() {} } });
      await worker.drainOnce();
      await worker.stop();
      mailer.close();
    }
    const timelineMail = (after: number) => smtp.received.slice(after).filter((email) => email.subject.startsWith("Moving 2027"));

    it("emails each maintainer with a live proposal once, naming the change in their own zone, and audits each changed row", async () => {
      const before = smtp.received.length;
      const moved = await patch({ timeline: timelineWith("2027-02-04T17:00") });
      expect(moved.statusCode, moved.body).toBe(200);
      await deliver();
      const mail = timelineMail(before);
      expect(mail.map((email) => email.to.join(",")).sort()).toEqual(["kai@kestrel.example", "kim@kestrel.example"]);
      const kim = mail.find((email) => email.to.includes("kim@kestrel.example"));
      const kai = mail.find((email) => email.to.includes("kai@kestrel.example"));
      expect(kim?.text).toContain("Project proposals now close Thu 4 Feb 17:00 PST (was 28 Jan).");
      expect(kai?.text).toContain("Project proposals now close Fri 5 Feb 02:00 UTC+01:00 (was 29 Jan).");
      const term = await findTermBySlug(t.context.database.db, slug);
      const audit = await listAuditEventsFor(t.context.database.db, "term", term?.id ?? 0);
      const changed = audit.find((event) => event.action === "term.timeline_changed");
      expect(JSON.parse(changed?.changes ?? "{}").rows).toEqual([
        {
          kind: "proposals",
          activity: "Project proposals",
          before: { kind: "proposals", activity: "Project proposals", startsAt: "2027-01-05T17:00:00.000Z", endsAt: "2027-01-29T01:00:00.000Z" },
          after: { kind: "proposals", activity: "Project proposals", startsAt: "2027-01-05T17:00:00.000Z", endsAt: "2027-02-05T01:00:00.000Z" },
        },
      ]);

      // The same timeline sent again changes nothing and tells nobody.
      const after = smtp.received.length;
      expect((await patch({ timeline: timelineWith("2027-02-04T17:00") })).statusCode).toBe(200);
      await deliver();
      expect(timelineMail(after)).toEqual([]);
    });

    it("closing the proposals phase while it is open needs a confirmation", async () => {
      const refused = await patch({ timeline: timelineWith("2027-01-15T17:00") });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: "CONFIRMATION_REQUIRED",
        errors: [{ field: "timeline.0.endsLocal", code: "closes_open_phase", detail: expect.stringContaining("Project proposals") }],
      });
      expect((await t.app.inject({ method: "GET", url: `/api/terms/${slug}/setup`, headers: { cookie: admin.cookie } })).json().timeline[0].endsLocal).toBe(
        "2027-02-04T17:00",
      );
      const confirmed = await patch({ timeline: timelineWith("2027-01-15T17:00"), confirmClosingOpenPhase: true });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    });

    it("emails each applicant with a draft or a submitted application once when the applications deadline moves, and moves their reminders", async () => {
      const db = t.context.database.db;
      const term = await findTermBySlug(db, slug);
      const projects = await db.selectFrom("projects").select(["id", "slug"]).where("slug", "like", "moving-2027-kestrel-%").orderBy("slug").execute();
      const [a, b] = projects;
      if (!term || !a || !b) throw new Error("fixture incomplete");
      const pia = await insertApplicant(db, { name: "Pia Applicant", email: "pia@example.org", timeZone: "Asia/Tokyo", at: NOW });
      const quinn = await insertApplicant(db, { name: "Quinn Applicant", email: "quinn@example.org", at: NOW });
      const rex = await insertApplicant(db, { name: "Rex Withdrawn", email: "rex@example.org", at: NOW });
      await insertApplicationRow(db, { termId: term.id, projectId: a.id, personId: pia.id, state: "draft", at: NOW });
      await insertApplicationRow(db, { termId: term.id, projectId: b.id, personId: pia.id, state: "submitted", at: NOW });
      await insertApplicationRow(db, { termId: term.id, projectId: a.id, personId: quinn.id, state: "submitted", at: NOW });
      await insertApplicationRow(db, { termId: term.id, projectId: a.id, personId: rex.id, state: "withdrawn", at: NOW });

      // The emails of the earlier edits leave first.
      await deliver();
      const before = smtp.received.length;
      const timeline = timelineWith("2027-01-15T17:00").map((row) => (row.kind === "applications" ? { ...row, endsLocal: "2027-02-24T17:00" } : row));
      const moved = await patch({ timeline });
      expect(moved.statusCode, moved.body).toBe(200);
      await deliver();
      const mail = timelineMail(before);
      expect(mail.map((email) => email.to.join(",")).sort()).toEqual(["pia@example.org", "quinn@example.org"]);
      const quinnMail = mail.find((email) => email.to.includes("quinn@example.org"));
      const piaMail = mail.find((email) => email.to.includes("pia@example.org"));
      expect(quinnMail?.text).toContain("Applications now close Wed 24 Feb 17:00 PST (was 23 Feb).");
      expect(quinnMail?.text).toContain("You receive this email because you have an application in this term.");
      expect(piaMail?.text).toContain("Applications now close Thu 25 Feb 10:00 UTC+09:00 (was 24 Feb).");

      // Pia's draft is reminded a day and an hour before the new deadline.
      const deadline = Date.parse("2027-02-25T01:00:00.000Z");
      expect(await findJobByKey(db, draftReminderKey(term.id, pia.id, "24h"))).toMatchObject({ dueAt: new Date(deadline - 24 * 3600_000).toISOString() });
      expect(await findJobByKey(db, draftReminderKey(term.id, pia.id, "1h"))).toMatchObject({ dueAt: new Date(deadline - 3600_000).toISOString() });
      expect(await findJobByKey(db, draftReminderKey(term.id, quinn.id, "24h"))).toBeUndefined();
    });
  });
});
