import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import type { ApplicationState } from "../../../domain/application-states.ts";
import type { MentoringResponse, ProjectApplicationsResponse, TermApplicationsResponse } from "../../../schemas/application-board.ts";
import type { CatalogResponse, ProjectDetail } from "../../../schemas/catalog.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { addProjectMentor, findProjectInProgram } from "../../../storage/repos/project-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const PASSWORD = "application board password";
const TERM = "2026-demo-term-02";
const EBPF = `${TERM}-ebpf-flow-logs-for-network-policies`;
const TRACE = `${TERM}-trace-sampling-that-adapts-to-traffic`;
const RESIZE = `${TERM}-online-resizing-of-volumes`;
const BACKUP = `${TERM}-backup-verification-reports`;
const IPV6 = `${TERM}-ipv6-only-cluster-tests`;

/** Lets each process's remembered catalog version (trusted for a second) expire, so the next read sees the term's new revision. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe.each(testDialects())("the mentors' and admins' side of applications on %s", (dialect) => {
  let t: TestApp;
  let mentor: TestSession;
  let otherMentor: TestSession;
  let admin: TestSession;
  let otherAdmin: TestSession;
  let applicant: TestSession;
  const ids: Record<string, number> = {};
  let serial = 0;

  /** Adds `count` applicants (people straight in the database) with an application in `state` to a project. */
  async function apply(
    projectSlug: string,
    count: number,
    state: ApplicationState,
    person: Partial<{ name: string; email: string; githubHandle: string; pronouns: string }> = {},
  ) {
    const db = t.context.database.db;
    const project = await findProjectInProgram(db, projectSlug);
    const term = await findTermBySlug(db, TERM);
    if (!project || !term) throw new Error("fixture incomplete");
    const at = FIXTURE_TODAY.toISOString();
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const row = await db
        .insertInto("people")
        .values({
          name: person.name ?? `Applicant ${serial}`,
          email: person.email ?? `applicant-${serial}@example.org`,
          githubHandle: person.githubHandle ?? `applicant-${serial}`,
          pronouns: person.pronouns ?? null,
          timeZone: null,
          country: null,
          createdAt: at,
          updatedAt: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("applications")
        .values({
          termId: term.id,
          projectId: project.id,
          personId: row.id,
          state,
          coverLetter: `Letter ${serial}`,
          createdAt: at,
          updatedAt: at,
          submittedAt: state === "draft" ? null : new Date(FIXTURE_TODAY.getTime() - serial * 60_000).toISOString(),
        })
        .execute();
    }
  }

  const get = (url: string, session?: TestSession) => t.app.inject({ method: "GET", url, headers: session ? asBrowser(session) : {} });
  const setCap = (slug: string, applicationCap: unknown, session?: TestSession) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/projects/${slug}/application-settings`,
      payload: { applicationCap },
      headers: session ? asBrowser(session) : {},
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(FIXTURE_TODAY);
    await seedCatalogFixture(t.context.database);
    const db = t.context.database.db;
    mentor = await signUpAndVerify(t, { name: "Mo Mentor", email: "mo@example.org", password: PASSWORD });
    otherMentor = await signUpAndVerify(t, { name: "Ola Other", email: "ola@example.org", password: PASSWORD });
    admin = await signUpAndVerify(t, { name: "Ann Admin", email: "ann@example.org", password: PASSWORD });
    otherAdmin = await signUpAndVerify(t, { name: "Hal Hostile", email: "hal@example.org", password: PASSWORD });
    applicant = await signUpAndVerify(t, { name: "Ari Applicant", email: "ari@example.org", password: PASSWORD });
    for (const [name, session] of Object.entries({ mentor, otherMentor, admin, otherAdmin, applicant })) {
      ids[name] = (await get("/api/me", session)).json().id;
    }
    const demo = await findProgramBySlug(db, "demo");
    const hostile = await findProgramBySlug(db, "hostile");
    const ebpf = await findProjectInProgram(db, EBPF);
    const trace = await findProjectInProgram(db, TRACE);
    const ipv6 = await findProjectInProgram(db, IPV6);
    if (!demo || !hostile || !ebpf || !trace || !ipv6) throw new Error("fixture incomplete");
    await addProjectMentor(db, ebpf.id, ids.mentor ?? 0);
    await addProjectMentor(db, trace.id, ids.otherMentor ?? 0);
    const at = FIXTURE_TODAY;
    await grantRole(db, { personId: ids.admin ?? 0, role: "program_admin", programId: demo.id, organizationId: null, grantedBy: null, at });
    await grantRole(db, { personId: ids.otherAdmin ?? 0, role: "program_admin", programId: hostile.id, organizationId: null, grantedBy: null, at });
    // The IPv6 tests share networking with the eBPF flow logs too: two skills, the most of any.
    const networking = await db.selectFrom("skills").select("id").where("tag", "=", "networking").executeTakeFirstOrThrow();
    await db.insertInto("projectSkills").values({ projectId: ipv6.id, skillId: networking.id, position: 99, originalText: "Networking" }).execute();

    await apply(EBPF, 1, "submitted", { name: "Zoë =Ünal", email: "zoe@example.org", githubHandle: "zoe-u", pronouns: "she/her" });
    await apply(EBPF, 5, "submitted");
    await apply(EBPF, 2, "draft");
    await apply(EBPF, 1, "withdrawn");
    await apply(TRACE, 21, "submitted");
    await apply(BACKUP, 1, "submitted");
    await apply(IPV6, 2, "submitted");
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it("shows every accepted project's applicant band in the catalog, never the number", async () => {
    const page = (await get(`/api/terms/${TERM}/projects?limit=100`)).json() as CatalogResponse;
    const band = (slug: string) => page.items.find((item) => item.slug === slug)?.applicants;
    expect(band(EBPF)).toEqual({ band: "5_to_20", label: "5–20 applicants" });
    expect(band(TRACE)).toEqual({ band: "over_20", label: "Over 20 applicants" });
    expect(band(RESIZE)).toEqual({ band: "fewer_than_5", label: "Fewer than 5 applicants" });
    expect(page.items.every((item) => item.capReached === false)).toBe(true);
  });

  it("suggests up to three similar projects of the term with fewer applicants, most shared skills first", async () => {
    const project = (await get(`/api/projects/${EBPF}`)).json() as ProjectDetail;
    expect(project.applicants.band).toBe("5_to_20");
    expect(project.similar.map((similar) => [similar.slug, similar.sharedSkills.map((skill) => skill.tag)])).toEqual([
      [IPV6, ["go", "networking"]],
      [RESIZE, ["go"]],
      [BACKUP, ["go"]],
    ]);
    // The busiest project: every other one sharing a skill has fewer applicants, so the least crowded three are suggested.
    const trace = (await get(`/api/projects/${TRACE}`)).json() as ProjectDetail;
    expect(trace.similar.map((similar) => similar.slug)).toEqual([RESIZE, BACKUP, IPV6]);
  });

  it("lets a project's mentor set a soft cap that closes it to new applications in the catalog at once, and audits it", async () => {
    await get(`/api/terms/${TERM}/projects?limit=100`); // a cached answer the change must not leave behind
    const response = await setCap(EBPF, 6, mentor);
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toEqual({ submitted: 6, drafts: 2, applicationCap: 6, capReached: true });
    await settle();
    const page = (await get(`/api/terms/${TERM}/projects?limit=100`)).json() as CatalogResponse;
    expect(page.items.find((item) => item.slug === EBPF)?.capReached).toBe(true);
    expect(((await get(`/api/projects/${EBPF}`)).json() as ProjectDetail).capReached).toBe(true);
    const project = await findProjectInProgram(t.context.database.db, EBPF);
    const events = await listAuditEventsFor(t.context.database.db, "project", project?.id ?? 0);
    expect(events.map((event) => [event.action, JSON.parse(event.changes)])).toContainEqual([
      "project.application_cap_set",
      { applicationCap: { before: null, after: 6 } },
    ]);
  });

  it("never removes a submitted application when a cap is lowered below the count, and lifts the cap with null", async () => {
    expect((await setCap(EBPF, 2, admin)).json().counts).toMatchObject({ submitted: 6, applicationCap: 2, capReached: true });
    const list = (await get(`/api/projects/${EBPF}/applications`, mentor)).json() as ProjectApplicationsResponse;
    expect(list.items).toHaveLength(6);
    const lifted = await setCap(EBPF, null, mentor);
    expect(lifted.json().counts).toMatchObject({ applicationCap: null, capReached: false });
    await settle();
    const page = (await get(`/api/terms/${TERM}/projects?limit=100`)).json() as CatalogResponse;
    expect(page.items.find((item) => item.slug === EBPF)?.capReached).toBe(false);
  });

  it("refuses a cap that is not a whole number from 1 to 100000, naming the field", async () => {
    for (const bad of [0, 100_001, 1.5, "5"]) {
      const response = await setCap(EBPF, bad, mentor);
      expect(response.statusCode, String(bad)).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(["applicationCap"]);
    }
  });

  it("lets only the project's confirmed mentors and the program's admins set its cap: 401 to a visitor, 404 to anyone else", async () => {
    expect((await setCap(EBPF, 5)).statusCode).toBe(401);
    expect((await setCap(EBPF, 5, otherMentor)).statusCode).toBe(404);
    expect((await setCap(EBPF, 5, applicant)).statusCode).toBe(404);
    expect((await setCap(EBPF, 5, otherAdmin)).statusCode).toBe(404);
    expect((await setCap("no-such-project", 5, admin)).statusCode).toBe(404);
  });

  it("shows a mentor their projects with submitted and draft counts, the cap and the deadline", async () => {
    const mine = (await get("/api/me/mentoring", mentor)).json() as MentoringResponse;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      project: { slug: EBPF, organization: { slug: "kestrel" }, term: { slug: TERM } },
      counts: { submitted: 6, drafts: 2, applicationCap: null, capReached: false },
      apply: { state: "open" },
    });
    expect(mine.items[0]?.apply.closesAt).toMatch(/^2026-/);
    expect(((await get("/api/me/mentoring", applicant)).json() as MentoringResponse).items).toEqual([]);
    expect((await get("/api/me/mentoring")).statusCode).toBe(401);
  });

  it("lists a project's submitted applications read-only for its mentors and admins, never drafts or withdrawn ones", async () => {
    const list = (await get(`/api/projects/${EBPF}/applications`, mentor)).json() as ProjectApplicationsResponse;
    expect(list.items.map((item) => item.state)).toEqual(Array(6).fill("submitted"));
    expect(list.items.find((item) => item.applicant.name === "Zoë =Ünal")).toMatchObject({
      applicant: { githubHandle: "zoe-u", pronouns: "she/her" },
      stateLabel: "Submitted",
    });
    expect(JSON.stringify(list)).not.toContain("zoe@example.org");
    expect((await get(`/api/projects/${EBPF}/applications`, admin)).statusCode).toBe(200);
  });

  it("answers 404 for a project's applications to anyone but its mentors and admins, and 401 to a visitor", async () => {
    expect((await get(`/api/projects/${EBPF}/applications`)).statusCode).toBe(401);
    for (const session of [otherMentor, applicant, otherAdmin]) {
      expect((await get(`/api/projects/${EBPF}/applications`, session)).statusCode).toBe(404);
    }
  });

  it("shows an application's readers who sent it, and nobody else", async () => {
    const zoe = await t.context.database.db
      .selectFrom("applications")
      .innerJoin("people", "people.id", "applications.personId")
      .select("applications.id")
      .where("people.email", "=", "zoe@example.org")
      .executeTakeFirstOrThrow();
    const url = `/api/applications/${zoe.id}/applicant`;
    const profile = await get(url, mentor);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ name: "Zoë =Ünal", pronouns: "she/her", githubHandle: "zoe-u", githubUrl: "https://github.com/zoe-u" });
    expect(profile.body).not.toContain("zoe@example.org");
    expect((await get(url, admin)).statusCode).toBe(200);
    expect((await get(url)).statusCode).toBe(401);
    for (const session of [otherMentor, applicant, otherAdmin]) expect((await get(url, session)).statusCode).toBe(404);
  });

  it("lists a term's applications for its admins, by default all but drafts, with the counts by state", async () => {
    const list = (await get(`/api/terms/${TERM}/applications`, admin)).json() as TermApplicationsResponse;
    expect(list.total).toBe(31);
    expect(list.states).toMatchObject({ submitted: 30, draft: 2, withdrawn: 1 });
    expect(list.items.some((item) => item.state === "draft")).toBe(false);
    expect(list.items.find((item) => item.applicant.email === "zoe@example.org")).toMatchObject({
      applicant: { name: "Zoë =Ünal", githubHandle: "zoe-u", pronouns: "she/her" },
      project: { slug: EBPF, organization: { slug: "kestrel" } },
      stateLabel: "Submitted",
    });
  });

  it("filters a term's applications by state, organization, project, applicant words and eligibility, a page at a time", async () => {
    const total = async (query: string) => ((await get(`/api/terms/${TERM}/applications?${query}`, admin)).json() as TermApplicationsResponse).total;
    expect(await total("state=draft")).toBe(2);
    expect(await total("state=all")).toBe(33);
    expect(await total("organization=kestrel&state=all")).toBe(11);
    expect(await total(`project=${TRACE}`)).toBe(21);
    expect(await total("q=ZOË")).toBe(1);
    expect(await total("q=zoe%40example")).toBe(1);
    expect(await total("q=zoe-u")).toBe(1);
    // A % is a character to find, not a wildcard.
    expect(await total("q=%25")).toBe(0);
    const page = (await get(`/api/terms/${TERM}/applications?limit=10&page=4`, admin)).json() as TermApplicationsResponse;
    expect([page.items.length, page.page, page.limit]).toEqual([1, 4, 10]);

    // Once the term asks a question, applicants who have not answered it are told apart from those who have.
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    const zoe = await db.selectFrom("people").select("id").where("email", "=", "zoe@example.org").executeTakeFirstOrThrow();
    await db
      .insertInto("termEligibilityQuestions")
      .values({ termId: term?.id ?? 0, position: 1000, kind: "yes_no", prompt: "Are you 18 or older?" })
      .execute();
    const at = FIXTURE_TODAY.toISOString();
    await db
      .insertInto("eligibilityAnswers")
      .values({ termId: term?.id ?? 0, personId: zoe.id, answers: "{}", eligible: 0, answeredAt: at, updatedAt: at })
      .execute();
    expect(await total("eligibility=not_eligible")).toBe(1);
    expect(await total("eligibility=eligible")).toBe(0);
    expect(await total("eligibility=unanswered")).toBe(30);
    await db.deleteFrom("eligibilityAnswers").execute();
    await db.deleteFrom("termEligibilityQuestions").where("position", "=", 1000).execute();
  });

  it("refuses a term's applications to anyone but its program's admins", async () => {
    expect((await get(`/api/terms/${TERM}/applications`)).statusCode).toBe(401);
    expect((await get(`/api/terms/${TERM}/applications`, mentor)).statusCode).toBe(403);
    expect((await get(`/api/terms/${TERM}/applications`, otherAdmin)).statusCode).toBe(403);
    expect((await get(`/api/terms/${TERM}/applications.csv`, mentor)).statusCode).toBe(403);
    expect((await get("/api/terms/no-such-term/applications", admin)).statusCode).toBe(404);
    expect((await get(`/api/terms/${TERM}/applications?state=nonsense`, admin)).statusCode).toBe(400);
  });

  it("exports a term's applications as RFC 4180 CSV named after the term, with formula cells neutralized", async () => {
    const response = await get(`/api/terms/${TERM}/applications.csv?project=${EBPF}`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${TERM}-applications.csv"`);
    const records = response.body.split("\r\n");
    expect(records[0]).toBe(
      "id,state,submitted_at,updated_at,applicant,email,github,pronouns,country,time_zone,eligibility,organization,project,project_slug,links,cover_letter,url",
    );
    expect(records).toHaveLength(7 + 2); // six submitted, one withdrawn, the header and the empty end after the last CRLF
    expect(records.at(-1)).toBe("");
    const zoe = records.find((record) => record.includes("zoe@example.org")) ?? "";
    expect(zoe).toContain(",Zoë =Ünal,zoe@example.org,zoe-u,she/her,");
    expect(zoe).toContain(`/applications/`);
  });

  // Last, as it adds applicants the tests above count.
  it("shows new applicants on project pages within a second: the band moves, and the project is no longer suggested as less crowded", async () => {
    const before = (await get(`/api/projects/${EBPF}`)).json() as ProjectDetail;
    expect(before.similar.map((similar) => similar.slug)).toContain(IPV6);
    await apply(IPV6, 25, "submitted");
    await settle();
    expect(((await get(`/api/projects/${IPV6}`)).json() as ProjectDetail).applicants).toEqual({ band: "over_20", label: "Over 20 applicants" });
    const after = (await get(`/api/projects/${EBPF}`)).json() as ProjectDetail;
    expect(after.similar.map((similar) => similar.slug)).not.toContain(IPV6);
  });
});
