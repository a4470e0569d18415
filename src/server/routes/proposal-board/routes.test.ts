import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../../../../test/helpers/smtp-server.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import { createMailer } from "../../../jobs/mailer.ts";
import { createOutboxWorker } from "../../../jobs/outbox-worker.ts";
import type { BulkAcceptResponse, Proposal, ProposalBoardResponse } from "../../../schemas/proposal.ts";
import type { TermHealth } from "../../../schemas/term-health.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findOrganizationBySlug } from "../../../storage/repos/organization-repo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";
import { findProgramBySlug, insertProgram } from "../../../storage/repos/program-repo.ts";
import { findProjectInProgram, updateProject } from "../../../storage/repos/project-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug, updateTerm } from "../../../storage/repos/term-repo.ts";
import { parseTermPage } from "../../../termpages/index.ts";

const NOW = new Date("2026-03-01T20:00:00.000Z");
const TERM = "board-2026";
const PASSWORD = "board test password";

/** A page of project ideas, imported the way `cohort import --proposed` does: every project a submitted proposal. */
const IDEAS = `# Board Term - 2026 June - August

Status: Taking project proposals

### Timeline

| activity | date |
| --- | --- |
| project proposals | Monday Feb 2 - Tues Mar 31, 2026, 5:00 PM PDT |
| mentee applications open | Wed Apr 15 - Thu Apr 30, 2026, 5:00 PM PDT |

## Project ideas

### Kestrel

#### Alpha flow logs

- Description: Emit flow logs from the datapath.
- Expected Outcome: Flow logs with policy attribution.
- Recommended Skills: Go, eBPF
- Mentor(s):
  - Mia Maintainer (mia-maintainer, <mia@example.org>)
  - Ada Mentor (ada-mentor, <ada@example.org>)
- Upstream Issue: <https://github.com/example/kestrel/issues/1>

#### Beta policy linter

- Description: Lint network policies before they are applied.
- Expected Outcome: A linter with ten rules.
- Recommended Skills: Go
- Mentor(s):
  - Bo Mentor (bo-mentor, <bo@example.org>)
  - Cy Mentor (cy-mentor, <cy@example.org>)

#### Epsilon dashboards

- Description: Dashboards for the datapath.
- Expected Outcome: Three dashboards.
- Recommended Skills: Grafana
- Mentor(s):
  - Ada Mentor (ada-mentor, <ada@example.org>)

### Quill

#### Eta editor plugins

- Description: Plugins for the editor.
- Expected Outcome: Two plugins.
- Recommended Skills: TypeScript
- Mentor(s):
  - Dee Mentor (dee-mentor, <dee@example.org>)

#### Zeta spell checking

- Description: Spell checking in the editor.
- Expected Outcome: A spell checker.
- Recommended Skills: TypeScript
- Mentor(s):
  - Dee Mentor (dee-mentor, <dee@example.org>)

### Saltbox

#### Gamma release signing

- Description: Sign release artifacts.
- Expected Outcome: Signed releases.
- Recommended Skills: Go, Sigstore
- Mentor(s):
  - Dee Mentor (dee-mentor, <dee@example.org>)

#### Delta packaging

- Description: Package for three distributions.
- Expected Outcome: Packages.
- Recommended Skills: Packaging
- Mentor(s):
  - Dee Mentor (dee-mentor, <dee@example.org>)
`;

describe.each(testDialects())("the admin's proposal board on %s", (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let mia: TestSession;
  let sam: TestSession;
  let otherAdmin: TestSession;
  let smtp: TestSmtpServer;
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(NOW);
    smtp = await startTestSmtpServer();
    const db = t.context.database.db;
    admin = await signUpAndVerify(t, { name: "Ann Admin", email: "ann@example.org", password: PASSWORD });
    // Mia maintains Kestrel and is named as a mentor of one of its proposals: she hears of each decision once.
    mia = await signUpAndVerify(t, { name: "Mia Maintainer", email: "mia@example.org", password: PASSWORD });
    sam = await signUpAndVerify(t, { name: "Sam Saltbox", email: "sam@example.org", password: PASSWORD });
    otherAdmin = await signUpAndVerify(t, { name: "Oz Other", email: "oz@example.org", password: PASSWORD });
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(IDEAS, { fileName: "project_ideas.md", now: NOW }),
      programSlug: "board",
      termSlug: TERM,
      projectState: "proposed",
      actor: { personId: null, label: "test" },
      now: NOW,
    });
    const program = await findProgramBySlug(db, "board");
    const other = await insertProgram(db, { slug: "elsewhere", name: "Elsewhere", timeZone: "UTC", applicationLimit: 3, at: NOW });
    const kestrel = program ? await findOrganizationBySlug(db, program.id, "kestrel") : undefined;
    const saltbox = program ? await findOrganizationBySlug(db, program.id, "saltbox") : undefined;
    if (!program || !kestrel || !saltbox) throw new Error("the page did not import");
    const personId = async (email: string) => (await findPersonByEmail(db, email))?.id ?? 0;
    const grant = { grantedBy: null, at: NOW };
    await grantRole(db, { personId: await personId("ann@example.org"), role: "program_admin", programId: program.id, organizationId: null, ...grant });
    await grantRole(db, { personId: await personId("oz@example.org"), role: "program_admin", programId: other.id, organizationId: null, ...grant });
    await grantRole(db, { personId: await personId("mia@example.org"), role: "maintainer", programId: program.id, organizationId: kestrel.id, ...grant });
    await grantRole(db, { personId: await personId("sam@example.org"), role: "maintainer", programId: program.id, organizationId: saltbox.id, ...grant });
    for (const title of [
      "alpha-flow-logs",
      "beta-policy-linter",
      "epsilon-dashboards",
      "eta-editor-plugins",
      "zeta-spell-checking",
      "gamma-release-signing",
      "delta-packaging",
    ]) {
      const slug = `${TERM}-${title}`;
      if (!(await findProjectInProgram(db, slug))) throw new Error(`no project ${slug}`);
      slugs[title.split("-")[0] ?? title] = slug;
    }
    // Beta's mentors were named but have not answered.
    const beta = await findProjectInProgram(db, slugs.beta ?? "");
    await db
      .updateTable("projectMentors")
      .set({ confirmation: "pending" })
      .where("projectId", "=", beta?.id ?? 0)
      .execute();
  });
  afterAll(async () => {
    await smtp.close();
    await t.dispose();
  });

  const get = (session: TestSession | null, url: string) => t.app.inject({ method: "GET", url, headers: session ? asBrowser(session) : {} });
  const post = (session: TestSession | null, url: string, payload: object = {}) =>
    t.app.inject({ method: "POST", url, payload, headers: session ? asBrowser(session) : {} });
  const board = async (query = "") => {
    const response = await get(admin, `/api/terms/${TERM}/proposals${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProposalBoardResponse;
  };
  const decisionEmails = async (slug: string) => {
    const { items } = await listOutbox(t.context.database.db, { limit: 500, offset: 0 });
    return items.filter((item) => item.bodyText.includes(`/proposals/${slug}`) && item.dedupeKey.startsWith("proposal-decision:"));
  };
  /** Sends what the outbox holds through the real SMTP test server, as the worker does. */
  const deliver = async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Cohort <no-reply@cohort.test>" });
    if (!mailer) throw new Error("no mailer");
    const worker = createOutboxWorker({ database: t.context.database, mailer, now: () => NOW, log: { debug() {}, info() {}, warn() {}, error() {} } });
    await worker.drainOnce();
    await worker.stop();
    mailer.close();
  };
  const projectId = async (slug: string) => (await findProjectInProgram(t.context.database.db, slug))?.id ?? 0;

  it("shows a page imported as project ideas as submitted proposals, counted per organization and state", async () => {
    const shown = await board();
    expect(shown.term).toMatchObject({ slug: TERM, published: true });
    expect(shown.items.map((item) => [item.title, item.state])).toEqual([
      ["Alpha flow logs", "submitted"],
      ["Beta policy linter", "submitted"],
      ["Epsilon dashboards", "submitted"],
      ["Eta editor plugins", "submitted"],
      ["Zeta spell checking", "submitted"],
      ["Delta packaging", "submitted"],
      ["Gamma release signing", "submitted"],
    ]);
    expect(shown.items.find((item) => item.title === "Beta policy linter")?.mentors).toEqual({ confirmed: 0, pending: 2, declined: 0 });
    expect(shown.organizations).toEqual([
      { slug: "kestrel", name: "Kestrel", counted: 3, quota: null },
      { slug: "quill", name: "Quill", counted: 2, quota: null },
      { slug: "saltbox", name: "Saltbox", counted: 2, quota: null },
    ]);
    expect(shown.slots).toEqual({ accepted: 0, budget: null });
    expect(shown.states).toEqual({ draft: 0, submitted: 7, changes_requested: 0, accepted: 0, rejected: 0, withdrawn: 0 });
  });

  it("filters by organization and unanswered mentors from the query string", async () => {
    expect((await board("?organization=saltbox")).items.map((item) => item.title)).toEqual(["Delta packaging", "Gamma release signing"]);
    expect((await board("?unconfirmed=true")).items.map((item) => item.title)).toEqual(["Beta policy linter"]);
    expect((await board("?state=accepted")).items).toEqual([]);
    const bad = await get(admin, `/api/terms/${TERM}/proposals?state=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("query.state");
  });

  it("refuses to accept a proposal whose mentors have not answered, naming them", async () => {
    const response = await post(admin, `/api/proposals/${slugs.beta}/accept`, { slots: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "CONFLICT",
      detail: `"Beta policy linter" has no confirmed mentor yet: Bo Mentor and Cy Mentor have not answered yet.`,
    });
    expect((await board("?state=accepted")).items).toEqual([]);
  });

  it("accepts with slots: the catalog shows the project at once, audited, and each maintainer and confirmed mentor is emailed once", async () => {
    const revision = (await findTermBySlug(t.context.database.db, TERM))?.revision ?? 0;
    const response = await post(admin, `/api/proposals/${slugs.alpha}/accept`, { slots: 2 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as Proposal).toMatchObject({ state: "accepted", slots: 2, abilities: { decide: true } });

    // The term's revision moved on, so no cached catalog answer of the term is served again.
    expect((await findTermBySlug(t.context.database.db, TERM))?.revision).toBeGreaterThan(revision);
    const catalog = await t.app.inject({ method: "GET", url: `/api/terms/${TERM}/projects` });
    expect(catalog.json().items.map((item: { title: string }) => item.title)).toEqual(["Alpha flow logs"]);

    const emails = await decisionEmails(slugs.alpha ?? "");
    expect(emails.map((email) => email.recipientEmail).sort()).toEqual(["ada@example.org", "mia@example.org"]);
    expect(emails[0]?.subject).toBe(`Accepted with 2 slots: "Alpha flow logs" (Board Term - 2026 June - August)`);
    expect(emails.find((email) => email.recipientEmail === "mia@example.org")?.bodyText).toContain(
      "because you maintain the organization of and mentor this project",
    );

    const audit = await listAuditEventsFor(t.context.database.db, "project", await projectId(slugs.alpha ?? ""));
    expect(audit.map((event) => event.action)).toContain("proposal.accepted");
    expect(JSON.parse(audit.find((event) => event.action === "proposal.accepted")?.changes ?? "{}")).toMatchObject({ slots: 2 });

    await deliver();
    const received = smtp.received.filter((email) => email.text?.includes('accepted "Alpha flow logs"'));
    expect(received.flatMap((email) => email.to).sort()).toEqual(["ada@example.org", "mia@example.org"]);

    const again = await post(admin, `/api/proposals/${slugs.alpha}/accept`, { slots: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`"Alpha flow logs" is accepted already; only a submitted proposal, or one sent back for changes, can be accepted.`);
    expect(await decisionEmails(slugs.alpha ?? "")).toHaveLength(2);
  });

  it("refuses slots beyond the term's budget, naming the budget and the count", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    await updateTerm(db, term?.id ?? 0, { slotBudget: 3 }, NOW);
    const response = await post(admin, `/api/proposals/${slugs.epsilon}/accept`, { slots: 2 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "LIMIT_REACHED",
      detail: `Board Term - 2026 June - August has a budget of 3 slots and 2 are accepted already; accepting "Epsilon dashboards" with 2 would make 4. Accept it with fewer slots, or raise the term's slot budget.`,
    });
    expect((await board()).slots).toEqual({ accepted: 2, budget: 3 });
    await updateTerm(db, term?.id ?? 0, { slotBudget: null }, NOW);
  });

  it("rejects with a reason the maintainer reads on the proposal", async () => {
    const response = await post(admin, `/api/proposals/${slugs.gamma}/reject`, { reason: "Sigstore covers this already." });
    expect(response.statusCode, response.body).toBe(200);
    const seen = await get(sam, `/api/proposals/${slugs.gamma}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json() as Proposal).toMatchObject({ state: "rejected", rejectionReason: "Sigstore covers this already." });
    const emails = await decisionEmails(slugs.gamma ?? "");
    expect(emails.map((email) => email.recipientEmail).sort()).toEqual(["dee@example.org", "sam@example.org"]);
    expect(emails[0]?.bodyText).toContain("Sigstore covers this already.");
    const audit = await listAuditEventsFor(t.context.database.db, "project", await projectId(slugs.gamma ?? ""));
    expect(audit.filter((event) => event.action === "proposal.rejected").map((event) => JSON.parse(event.changes))).toEqual([
      { state: { from: "submitted", to: "rejected" }, reason: "Sigstore covers this already." },
    ]);
    const empty = await post(admin, `/api/proposals/${slugs.delta}/reject`, { reason: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe("reason");
  });

  it("requests changes with a comment; the maintainer edits and submits again", async () => {
    const response = await post(admin, `/api/proposals/${slugs.delta}/request-changes`, { comment: "Name the three distributions." });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as Proposal).toMatchObject({ state: "changes_requested", reviewComment: "Name the three distributions." });
    const emails = await decisionEmails(slugs.delta ?? "");
    expect(emails.map((email) => email.subject)).toEqual([
      `Changes requested: "Delta packaging" (Board Term - 2026 June - August)`,
      `Changes requested: "Delta packaging" (Board Term - 2026 June - August)`,
    ]);
    expect((await board()).states).toMatchObject({ submitted: 4, changes_requested: 1, accepted: 1, rejected: 1 });

    const audit = await listAuditEventsFor(t.context.database.db, "project", await projectId(slugs.delta ?? ""));
    expect(audit.map((event) => event.action)).toContain("proposal.changes_requested");

    const edited = await t.app.inject({
      method: "PATCH",
      url: `/api/proposals/${slugs.delta}`,
      payload: { description: "Package for Debian, Fedora and Alpine." },
      headers: asBrowser(sam),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const submitted = await post(sam, `/api/proposals/${slugs.delta}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json() as Proposal).toMatchObject({ state: "submitted" });
  });

  it("approves a pending change: the public project changes only then, and a newly named mentor is asked to confirm", async () => {
    const db = t.context.database.db;
    const id = await projectId(slugs.alpha ?? "");
    await updateProject(
      db,
      id,
      {
        pendingChange: JSON.stringify({
          description: "Flow logs **with** verdicts.",
          skills: ["Rust"],
          mentors: ["mia@example.org", "ada@example.org", "neo@example.org"],
        }),
        pendingChangeAt: NOW.toISOString(),
      },
      NOW,
    );
    expect((await board("?pendingChange=true")).items.map((item) => item.title)).toEqual(["Alpha flow logs"]);
    const publicBefore = await t.app.inject({ method: "GET", url: `/api/projects/${slugs.alpha}` });
    expect(publicBefore.json().descriptionHtml).toContain("Emit flow logs from the datapath.");

    const response = await post(admin, `/api/proposals/${slugs.alpha}/approve-change`);
    expect(response.statusCode, response.body).toBe(200);
    const approved = response.json() as Proposal;
    expect(approved.pendingChange).toBeNull();
    expect(approved.descriptionHtml).toContain("<strong>with</strong>");
    expect(approved.skills.map((skill) => skill.originalText)).toEqual(["Rust"]);
    expect(approved.mentors.map((mentor) => [mentor.namedAs, mentor.confirmation])).toEqual([
      ["mia@example.org", "confirmed"],
      ["ada@example.org", "confirmed"],
      ["neo@example.org", "pending"],
    ]);

    const publicAfter = await t.app.inject({ method: "GET", url: `/api/projects/${slugs.alpha}` });
    expect(publicAfter.json().descriptionHtml).toContain("<strong>with</strong>");
    const { items } = await listOutbox(db, { limit: 500, offset: 0 });
    expect(items.filter((item) => item.recipientEmail === "neo@example.org" && item.dedupeKey.startsWith("mentor-confirmation:"))).toHaveLength(1);
    expect((await decisionEmails(slugs.alpha ?? "")).filter((email) => email.subject.startsWith("Change approved"))).toHaveLength(2);
    const audit = await listAuditEventsFor(db, "project", id);
    expect(audit.map((event) => event.action)).toContain("proposal.change_approved");

    const twice = await post(admin, `/api/proposals/${slugs.alpha}/approve-change`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(`"Alpha flow logs" has no change waiting for approval.`);
  });

  it("bulk accepts each proposal on its own: one refused, the others accepted", async () => {
    const response = await post(admin, `/api/terms/${TERM}/proposals/accept`, {
      proposals: [
        { slug: slugs.beta, slots: 1 },
        { slug: slugs.epsilon, slots: 1 },
        { slug: "no-such-proposal", slots: 1 },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json() as BulkAcceptResponse;
    expect(results.map((result) => [result.slug, result.ok, result.code])).toEqual([
      [slugs.beta, false, "CONFLICT"],
      [slugs.epsilon, true, null],
      ["no-such-proposal", false, "NOT_FOUND"],
    ]);
    expect((await board("?state=accepted")).items.map((item) => item.title)).toEqual(["Alpha flow logs", "Epsilon dashboards"]);
  });

  it("exports the term page of accepted projects, which parses back with their mentors, skills and slots", async () => {
    const response = await get(admin, `/api/terms/${TERM}/page.md`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${TERM}.md"`);
    const page = parseTermPage(response.body, { fileName: `${TERM}.md`, now: NOW });
    const projects = page.organizations.flatMap((organization) => organization.projects);
    expect(projects.map((project) => project.title)).toEqual(["Alpha flow logs", "Epsilon dashboards"]);
    const alpha = projects[0];
    // Neo was named by the approved change and has not confirmed: not on the public page.
    expect(alpha?.mentors.map((mentor) => mentor.name)).toEqual(["Mia Maintainer", "Ada Mentor"]);
    expect(alpha?.skills).toEqual(["rust"]);
    // Slots have no field of their own in the canonical format: a project taking more than one mentee says so in a "Slots" line.
    expect(alpha?.extraFields).toEqual([{ label: "Slots", text: "2" }]);
    expect(projects[1]?.extraFields ?? []).toEqual([]);
    expect(page.timeline.map((row) => row.activity)).toEqual(["project proposals", "mentee applications open"]);
  });

  it("gives the admin's home the term's health", async () => {
    const response = await get(admin, `/api/terms/${TERM}/health`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as TermHealth).toEqual({
      term: { slug: TERM, title: "Board Term - 2026 June - August", timeZone: "America/Los_Angeles", published: true },
      waiting: { submitted: 4, changesRequested: 0 },
      unconfirmedMentors: 2,
      pendingChanges: 0,
      slots: { accepted: 3, budget: null },
      nextDeadline: expect.objectContaining({ kind: "proposals", event: "closes" }),
    });
  });

  it("never accepts past the slot budget when two admins accept at once", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    // One slot is left: of two acceptances at the same moment, one must be refused.
    await updateTerm(db, term?.id ?? 0, { slotBudget: 4 }, NOW);
    const answers = await Promise.all([
      post(admin, `/api/proposals/${slugs.eta}/accept`, { slots: 1 }),
      post(admin, `/api/proposals/${slugs.zeta}/accept`, { slots: 1 }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.json().code).toBe("LIMIT_REACHED");
    expect((await board()).slots).toEqual({ accepted: 4, budget: 4 });
  });

  it("lets only the program's admins decide: a maintainer is refused, another program's admin and a visitor are not let in", async () => {
    const asMaintainer = await post(mia, `/api/proposals/${slugs.beta}/reject`, { reason: "no" });
    expect(asMaintainer.statusCode).toBe(403);
    expect(asMaintainer.json().code).toBe("FORBIDDEN");
    expect((await post(sam, `/api/proposals/${slugs.beta}/reject`, { reason: "no" })).statusCode).toBe(404);
    expect((await post(otherAdmin, `/api/proposals/${slugs.beta}/reject`, { reason: "no" })).statusCode).toBe(404);
    expect((await post(null, `/api/proposals/${slugs.beta}/reject`, { reason: "no" })).statusCode).toBe(401);
    expect((await get(otherAdmin, `/api/terms/${TERM}/proposals`)).statusCode).toBe(403);
    expect((await get(mia, `/api/terms/${TERM}/page.md`)).statusCode).toBe(403);
    expect((await get(null, `/api/terms/${TERM}/health`)).statusCode).toBe(401);
  });
});
