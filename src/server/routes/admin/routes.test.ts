import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { buildPermissionWorld, type PermissionWorld } from "../../../../test/permissions/callers.ts";

describe.each(testDialects())("running a program on %s", (dialect) => {
  let t: TestApp;
  let w: PermissionWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    w = await buildPermissionWorld(t);
  }, 120_000);
  afterAll(() => t.dispose());

  const as = (caller: keyof PermissionWorld["sessions"]) => asBrowser(w.sessions[caller]);

  it("an admin invites a maintainer, who accepts by email and may then invite mentors", async () => {
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/programs/${w.program}/invitations`,
      headers: as("programAdmin"),
      payload: { email: "new.maintainer@example.org", role: "maintainer", organization: "tidewater" },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email: "new.maintainer@example.org", role: "maintainer", acceptedAt: null });
    const token = await tokenFromLatestEmail(t, "new.maintainer@example.org", "/invitations");
    const lookup = await t.app.inject({ method: "POST", url: "/api/invitations/lookup", payload: { token } });
    expect(lookup.json()).toMatchObject({ role: "maintainer", where: "Tidewater (Cohort Demo Mentorship)" });

    // A forwarded link grants nothing: the invitation is for one address.
    const wrongPerson = await t.app.inject({ method: "POST", url: "/api/invitations/accept", headers: as("applicant"), payload: { token } });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().detail).toContain("new.maintainer@example.org");

    const maintainer = await signUpAndVerify(t, { name: "New Maintainer", email: "new.maintainer@example.org", password: "a long enough password" });
    const accepted = await t.app.inject({ method: "POST", url: "/api/invitations/accept", headers: asBrowser(maintainer), payload: { token } });
    expect(accepted.statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: maintainer.cookie } });
    expect(me.json().roles).toEqual([
      { role: "maintainer", program: { slug: "demo", name: "Cohort Demo Mentorship" }, organization: { slug: "tidewater", name: "Tidewater" }, project: null },
    ]);
    const again = await t.app.inject({ method: "POST", url: "/api/invitations/accept", headers: asBrowser(maintainer), payload: { token } });
    expect(again.statusCode).toBe(404);

    const mentorInvite = await t.app.inject({
      method: "POST",
      url: `/api/programs/${w.program}/invitations`,
      headers: asBrowser(maintainer),
      payload: { email: "mentor.new@example.org", role: "mentor", project: "2026-demo-term-02-online-resizing-of-volumes" },
    });
    expect(mentorInvite.statusCode).toBe(201);
    const notTheirs = await t.app.inject({
      method: "POST",
      url: `/api/programs/${w.program}/invitations`,
      headers: asBrowser(maintainer),
      payload: { email: "mentor.other@example.org", role: "mentor", project: w.project },
    });
    expect(notTheirs.statusCode).toBe(403);
  });

  it("a maintainer invitation without an organization names that field", async () => {
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/programs/${w.program}/invitations`,
      headers: as("programAdmin"),
      payload: { email: "no.org@example.org", role: "maintainer" },
    });
    expect(invite.statusCode).toBe(400);
    expect(invite.json().errors).toEqual([{ field: "organization", code: "required", detail: expect.stringContaining("organization") }]);
  });

  it("the audit log records the invitation and its acceptance, with filters", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?objectType=invitation`, headers: as("programAdmin") });
    expect(response.statusCode).toBe(200);
    const actions = response.json().items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.created", "invitation.accepted"]));
    const filtered = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?action=invitation.accepted`, headers: as("programAdmin") });
    expect(filtered.json().items.every((event: { action: string }) => event.action === "invitation.accepted")).toBe(true);
    const bad = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?from=yesterday`, headers: as("programAdmin") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain("must be an ISO 8601 instant");
    const unknown = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?action=invitation.acepted`, headers: as("programAdmin") });
    expect(unknown.statusCode).toBe(400);
  });

  it("the outbox shows the program's emails to its admins, never account emails", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/outbox`, headers: as("programAdmin") });
    const subjects = response.json().items.map((message: { subject: string }) => message.subject);
    expect(subjects.some((subject: string) => subject.includes("invites you"))).toBe(true);
    expect(subjects.some((subject: string) => /confirm|password/i.test(subject))).toBe(false);
  });

  it("the people page lists admins, maintainers and mentors", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/people`, headers: as("programAdmin") });
    const people = response.json().items as Array<{ name: string; roles: Array<{ role: string }> }>;
    expect(people.find((person) => person.name === "programAdmin")?.roles).toEqual([{ role: "program_admin", organization: null, project: null }]);
    expect(people.find((person) => person.name === "mentorOfProject")?.roles[0]).toMatchObject({ role: "mentor", project: { slug: w.project } });
  });

  describe("across programs", () => {
    it("an admin of another program cannot read or invite in this one", async () => {
      for (const path of ["people", "invitations", "audit", "outbox"]) {
        const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/${path}`, headers: as("adminOfAnotherProgram") });
        expect(response.statusCode, path).toBe(403);
      }
      const invite = await t.app.inject({
        method: "POST",
        url: `/api/programs/${w.program}/invitations`,
        headers: as("adminOfAnotherProgram"),
        payload: { email: "x@example.org", role: "program_admin" },
      });
      expect(invite.statusCode).toBe(403);
    });

    it("an organization or project of another program is not found from this one", async () => {
      const org = await t.app.inject({
        method: "POST",
        url: `/api/programs/${w.otherProgram}/invitations`,
        headers: as("adminOfAnotherProgram"),
        payload: { email: "x@example.org", role: "maintainer", organization: w.organization },
      });
      expect(org.statusCode).toBe(404);
      const project = await t.app.inject({
        method: "POST",
        url: `/api/programs/${w.otherProgram}/invitations`,
        headers: as("adminOfAnotherProgram"),
        payload: { email: "x@example.org", role: "mentor", project: w.project },
      });
      expect(project.statusCode).toBe(404);
    });
  });
});
