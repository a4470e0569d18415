import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { buildPermissionWorld, type PermissionWorld } from "../../../../test/permissions/callers.ts";
import type { AuditEvent, ProgramOrganization } from "../../../schemas/admin.ts";
import type { Invitation } from "../../../schemas/invitation.ts";
import { findPersonByEmail, updatePerson } from "../../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../../storage/repos/audit-repo.ts";
import { claimDueMessages, listOutbox, markFailedAttempt, markSent } from "../../../storage/repos/outbox-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { findTermBySlug, updateTerm } from "../../../storage/repos/term-repo.ts";

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

  const invitations = async () =>
    (await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/invitations`, headers: as("programAdmin") })).json().items as Invitation[];
  const inviteAsAdmin = (payload: object) =>
    t.app.inject({ method: "POST", url: `/api/programs/${w.program}/invitations`, headers: as("programAdmin"), payload });

  it("the invitations list says what each is for, who invited, its state and whether its email has left", async () => {
    const mentor = await inviteAsAdmin({ email: "listed.mentor@example.org", role: "mentor", project: w.project });
    expect(mentor.statusCode).toBe(201);
    // The answer to the invitation itself already says the email is only queued.
    expect(mentor.json().delivery).toEqual({ state: "queued", words: "queued, not sent", sentAt: null });
    await inviteAsAdmin({ email: "listed.maintainer@example.org", role: "maintainer", organization: w.organization });
    await inviteAsAdmin({ email: "listed.admin@example.org", role: "program_admin" });

    const byEmail = (items: Invitation[], email: string) => items.find((item) => item.email === email);
    const listed = await invitations();
    expect(byEmail(listed, "listed.mentor@example.org")).toMatchObject({
      role: "mentor",
      scope: {
        program: { slug: "demo", name: "Cohort Demo Mentorship" },
        organization: { slug: w.organization },
        project: { slug: w.project, title: "eBPF flow logs for network policies", term: { slug: "2026-demo-term-02" } },
        words: expect.stringMatching(/^eBPF flow logs for network policies \(Kestrel, /),
      },
      invitedBy: { name: "programAdmin" },
      state: "pending",
      delivery: { state: "queued", words: "queued, not sent", sentAt: null },
    });
    expect(byEmail(listed, "listed.maintainer@example.org")?.scope).toMatchObject({
      organization: { slug: w.organization, name: "Kestrel" },
      project: null,
      words: "Kestrel",
    });
    expect(byEmail(listed, "listed.admin@example.org")?.scope).toMatchObject({ organization: null, project: null, words: "Cohort Demo Mentorship" });
    expect(byEmail(listed, "new.maintainer@example.org")?.state).toBe("accepted");

    // The outbox sends one, gives up on another; the list follows.
    const db = t.context.database.db;
    const now = t.context.now();
    const claimed = await claimDueMessages(db, { now, limit: 500, leaseMs: 60_000 });
    const claimOf = async (email: string) => {
      const message = (await listOutbox(db, { limit: 500, offset: 0 })).items.find((item) => item.recipientEmail === email);
      const claim = claimed.find((item) => item.id === message?.id);
      if (!claim) throw new Error(`no claimed email to ${email}`);
      return claim;
    };
    await markSent(db, await claimOf("listed.mentor@example.org"), { now });
    await markFailedAttempt(db, await claimOf("listed.maintainer@example.org"), { now, error: "550 mailbox unavailable", maxAttempts: 1 });
    const after = await invitations();
    expect(byEmail(after, "listed.mentor@example.org")?.delivery).toEqual({ state: "sent", words: "sent", sentAt: now.toISOString() });
    expect(byEmail(after, "listed.maintainer@example.org")?.delivery).toMatchObject({ state: "failed", words: "failed: 550 mailbox unavailable" });
    expect(byEmail(after, "listed.admin@example.org")?.delivery?.words).toBe("queued, not sent");

    // An invitation whose fourteen days have run out (moved back in time: sessions would not survive moving the clock on).
    await db.updateTable("invitations").set({ expiresAt: now.toISOString() }).where("email", "=", "listed.admin@example.org").execute();
    const later = await invitations();
    expect(byEmail(later, "listed.admin@example.org")?.state).toBe("expired");
    expect(byEmail(later, "new.maintainer@example.org")?.state).toBe("accepted");
  });

  it("the organizations list offers every organization of the program by name, with its projects and their terms", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/organizations`, headers: as("programAdmin") });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as ProgramOrganization[];
    const names = items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const kestrel = items.find((item) => item.slug === w.organization);
    expect(kestrel?.projects).toContainEqual({
      slug: w.project,
      title: "eBPF flow logs for network policies",
      term: { slug: "2026-demo-term-02", title: expect.any(String) },
    });
    expect(items.find((item) => item.slug === w.anotherOrganization)?.projects.map((project) => project.slug)).toContain(w.anotherProject);
    // The other program's organizations and projects stay out.
    expect(items.flatMap((item) => item.projects).some((project) => project.term.slug === "hostile-2026")).toBe(false);
  });

  it("audit entries name the actor and the object as they are called now", async () => {
    const db = t.context.database.db;
    const demo = await findProgramBySlug(db, "demo");
    const applicant = await findPersonByEmail(db, w.emails.applicant);
    const admin = await findPersonByEmail(db, w.emails.programAdmin);
    const term = await findTermBySlug(db, "2026-demo-term-02");
    if (!demo || !applicant || !admin || !term) throw new Error("fixture incomplete");
    const at = t.context.now();
    await recordAuditEvent(db, {
      programId: demo.id,
      actor: { personId: admin.id, label: admin.name },
      action: "role.granted",
      objectType: "person",
      objectId: applicant.id,
      changes: {},
      at,
    });
    await recordAuditEvent(db, {
      programId: demo.id,
      actor: { personId: null, label: "cohort import" },
      action: "term.imported",
      objectType: "project",
      objectId: 999_999,
      changes: {},
      at,
    });
    await updatePerson(db, admin.id, { name: "Pat Admin" }, at);
    await updateTerm(db, term.id, { title: "Term 02 renamed" }, at);
    try {
      const response = await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?limit=200`, headers: as("programAdmin") });
      const items = response.json().items as AuditEvent[];
      const granted = items.find((item) => item.action === "role.granted" && item.objectId === String(applicant.id));
      expect(granted?.actor).toEqual({ personId: admin.id, label: "programAdmin", name: "Pat Admin" });
      expect(granted?.object).toEqual({ label: `applicant (${w.emails.applicant})`, slug: null });
      const invited = items.find((item) => item.action === "invitation.created");
      expect(invited?.object?.label).toMatch(/@example\.org$/);
      const imported = items.find((item) => item.action === "term.imported" && item.objectType === "term" && item.objectId === String(term.id));
      expect(imported?.object).toEqual({ label: "Term 02 renamed", slug: "2026-demo-term-02" });
      const gone = items.find((item) => item.objectType === "project" && item.objectId === "999999");
      expect(gone).toMatchObject({ actor: { personId: null, label: "cohort import", name: null }, object: null });
    } finally {
      await updatePerson(db, admin.id, { name: admin.name }, at);
      await updateTerm(db, term.id, { title: term.title }, at);
    }
  });

  describe("across programs", () => {
    it("an admin of another program cannot read or invite in this one", async () => {
      for (const path of ["people", "invitations", "audit", "outbox", "organizations"]) {
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
