import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { startTestSmtpServer, waitForEmail } from "../../../../test/helpers/smtp-server.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import { storedProposalState } from "../../../domain/proposal-states.ts";
import { createMailer } from "../../../jobs/mailer.ts";
import { createOutboxWorker } from "../../../jobs/outbox-worker.ts";
import type { CatalogResponse, ProjectDetail } from "../../../schemas/catalog.ts";
import type { MentorConfirmationResponse, MyProposalsResponse, Proposal, SkillSuggestionsResponse } from "../../../schemas/proposal.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findOrganizationBySlug, updateOrganization } from "../../../storage/repos/organization-repo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { findProjectInProgram, updateProject } from "../../../storage/repos/project-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug, updateTerm } from "../../../storage/repos/term-repo.ts";
import { parseTermPage } from "../../../termpages/index.ts";

const NOW = new Date("2026-03-25T20:00:00.000Z");
/** Project proposals close on Tue 31 Mar 2026 at 17:00 PDT. */
const CLOSE = new Date("2026-04-01T00:00:00.000Z");
const PROGRAM = "props";
const TERM = "props-2026";
const PASSWORD = "proposal test password";

const PAGE = `# Props Term - 2026 June - August

### Timeline

| activity | date |
| --- | --- |
| project proposals | Monday Feb 2 - Tues Mar 31, 2026, 5:00 PM PDT |
| mentee applications open | Wed Apr 15 - Thu Apr 30, 2026, 5:00 PM PDT |

## Accepted projects

### Kestrel

#### Published flow logs

- Description: Flow logs as the catalog shows them.
- Expected Outcome: Flow logs.
- Recommended Skills: Go
- Mentor(s):
  - Old Mentor (old-mentor, <old@example.org>)

### Saltbox

#### Salt signing

- Description: Sign the salt.
- Expected Outcome: Signed salt.
- Recommended Skills: Rust
- Mentor(s):
  - Sal Mentor (sal-mentor, <sal@example.org>)
`;

describe.each(testDialects())("proposals for maintainers and mentors' confirmation on %s", (dialect) => {
  let t: TestApp;
  let mia: TestSession;
  let otherMaintainer: TestSession;
  let admin: TestSession;
  let ada: TestSession;
  let applicant: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow(NOW);
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(PAGE, { fileName: "props.md", now: NOW }),
      programSlug: PROGRAM,
      termSlug: TERM,
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: NOW,
    });
    const db = t.context.database.db;
    const program = await findProgramBySlug(db, PROGRAM);
    const kestrel = program ? await findOrganizationBySlug(db, program.id, "kestrel") : undefined;
    const saltbox = program ? await findOrganizationBySlug(db, program.id, "saltbox") : undefined;
    if (!program || !kestrel || !saltbox) throw new Error("the page made no program");
    const signUp = (name: string, email: string) => signUpAndVerify(t, { name, email, password: PASSWORD });
    mia = await signUp("Mia Maintainer", "mia@example.org");
    otherMaintainer = await signUp("Otto Other", "otto@example.org");
    admin = await signUp("Ann Admin", "ann@example.org");
    ada = await signUp("Ada Mentor", "ada@example.org");
    applicant = await signUp("Al Applicant", "al@example.org");
    const idOf = async (email: string) => (await findPersonByEmail(db, email))?.id ?? 0;
    const grant = { programId: program.id, grantedBy: null, at: NOW };
    await grantRole(db, { ...grant, personId: await idOf("mia@example.org"), role: "maintainer", organizationId: kestrel.id });
    await grantRole(db, { ...grant, personId: await idOf("otto@example.org"), role: "maintainer", organizationId: saltbox.id });
    await grantRole(db, { ...grant, personId: await idOf("ann@example.org"), role: "program_admin", organizationId: null });
  });

  afterAll(async () => {
    await t?.dispose();
  });

  const call = (session: TestSession | null, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: session ? asBrowser(session) : {} });

  const COMPLETE = {
    description: "Emit **flow logs** from the datapath.",
    expectedOutcome: "Flow logs with policy attribution.",
    skills: ["Golang", "eBPF"],
    mentors: ["ada@example.org", "new.mentor@example.org"],
    upstreamIssues: ["https://github.com/example/kestrel/issues/1"],
  };

  async function draft(title: string, fields: object = {}, session = mia): Promise<Proposal> {
    const response = await call(session, "POST", `/api/terms/${TERM}/proposals`, { organization: "kestrel", title, ...fields });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function mentorEmails(slug: string) {
    const project = await findProjectInProgram(t.context.database.db, slug);
    const { items } = await listOutbox(t.context.database.db, { limit: 500, offset: 0 });
    return items.filter((item) => item.dedupeKey.startsWith(`mentor-confirmation:${project?.id}:`));
  }

  async function audits(slug: string) {
    const project = await findProjectInProgram(t.context.database.db, slug);
    return listAuditEventsFor(t.context.database.db, "project", project?.id ?? 0);
  }

  async function withdrawAll() {
    // The quota counts live proposals: each test leaves none behind.
    const mine = (await call(mia, "GET", "/api/me/proposals")).json() as MyProposalsResponse;
    for (const item of mine.maintained.filter((p) => p.state !== "withdrawn" && p.state !== "accepted")) {
      await call(mia, "POST", `/api/proposals/${item.slug}/withdraw`);
    }
  }

  it("a maintainer drafts, autosaves and submits a proposal; each named mentor gets one email, only once submitted", async () => {
    const created = await draft("Flow logs for policies");
    expect(created).toMatchObject({ slug: `${TERM}-flow-logs-for-policies`, state: "draft", organization: { slug: "kestrel" }, proposedBy: "Mia Maintainer" });
    expect(created.abilities).toMatchObject({ edit: true, submit: true, withdraw: true, decide: false });

    const saved = await call(mia, "PATCH", `/api/proposals/${created.slug}`, { ...COMPLETE, title: "Flow logs for network policies" });
    expect(saved.statusCode, saved.body).toBe(200);
    const proposal = saved.json() as Proposal;
    expect(proposal.slug).toBe(created.slug);
    expect(proposal.title).toBe("Flow logs for network policies");
    expect(proposal.descriptionHtml).toContain("<strong>flow logs</strong>");
    expect(proposal.skills).toEqual([
      { tag: "go", label: "Go", originalText: "Golang" },
      { tag: "ebpf", label: "eBPF", originalText: "eBPF" },
    ]);
    expect(proposal.mentors.map((mentor) => [mentor.namedAs, mentor.confirmation, mentor.askedAt])).toEqual([
      ["ada@example.org", "pending", null],
      ["new.mentor@example.org", "pending", null],
    ]);
    expect(await mentorEmails(created.slug)).toEqual([]);

    const submitted = await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((submitted.json() as Proposal).state).toBe("submitted");
    const again = await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    expect(again.statusCode).toBe(200);
    const emails = await mentorEmails(created.slug);
    expect(emails.map((email) => email.recipientEmail).sort()).toEqual(["ada@example.org", "new.mentor@example.org"]);
    expect(emails[0]?.bodyText).toContain("Mia Maintainer named you as a mentor");
    expect(emails[0]?.bodyText).toContain("/mentor-confirmations#token=cohort_mentor_");

    const withdrawn = await call(mia, "POST", `/api/proposals/${created.slug}/withdraw`);
    expect((withdrawn.json() as Proposal).state).toBe("withdrawn");
    expect((await audits(created.slug)).map((event) => event.action)).toEqual([
      "proposal.created",
      "proposal.updated",
      "proposal.submitted",
      "proposal.withdrawn",
    ]);
  });

  it("submitting an incomplete proposal names every missing part and changes nothing", async () => {
    const created = await draft("Half a proposal", {
      questions: [{ section: "question", kind: "choice", prompt: "Pick one", choices: ["Only"], required: true }],
    });
    const response = await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual([
      "description",
      "expectedOutcome",
      "skills",
      "mentors",
      "questions.0.choices",
    ]);
    expect(((await call(mia, "GET", `/api/proposals/${created.slug}`)).json() as Proposal).state).toBe("draft");
    await withdrawAll();
  });

  it("bad input is refused naming each field, and the draft keeps what it had", async () => {
    const created = await draft("Bad input", { slotsRequested: 2 });
    const response = await call(mia, "PATCH", `/api/proposals/${created.slug}`, {
      slotsRequested: 0,
      upstreamIssues: ["ftp://example.org/x"],
      mentors: ["not a mentor"],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(["slotsRequested", "upstreamIssues.0"]);
    const mentors = await call(mia, "PATCH", `/api/proposals/${created.slug}`, { description: "Kept?", mentors: ["not a mentor"] });
    expect(mentors.json().errors).toEqual([expect.objectContaining({ field: "mentors.0", code: "invalid_mentor" })]);
    const kept = (await call(mia, "GET", `/api/proposals/${created.slug}`)).json() as Proposal;
    expect([kept.slotsRequested, kept.description]).toEqual([2, ""]);
    await withdrawAll();
  });

  it("a mentor named by a GitHub handle nobody has is refused, saying to give an email address", async () => {
    const created = await draft("Handle mentor");
    const response = await call(mia, "PATCH", `/api/proposals/${created.slug}`, { mentors: ["ada@example.org", "@nobody-here"] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: "mentors.1", code: "unknown_mentor" })]);
    expect(response.json().detail).toContain("by email address");
    expect(((await call(mia, "GET", `/api/proposals/${created.slug}`)).json() as Proposal).mentors).toEqual([]);
    await withdrawAll();
  });

  it("submitting beyond the organization's quota is refused with the quota, the count and the titles", async () => {
    const db = t.context.database.db;
    const program = await findProgramBySlug(db, PROGRAM);
    const kestrel = program ? await findOrganizationBySlug(db, program.id, "kestrel") : undefined;
    if (!kestrel) throw new Error("no Kestrel");
    // The accepted project imported from the page counts too.
    await updateOrganization(db, kestrel.id, { projectQuota: 2 });
    try {
      const first = await draft("Quota one", COMPLETE);
      expect((await call(mia, "POST", `/api/proposals/${first.slug}/submit`)).statusCode).toBe(200);
      const second = await draft("Quota two", COMPLETE);
      const refused = await call(mia, "POST", `/api/proposals/${second.slug}/submit`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe("LIMIT_REACHED");
      expect(refused.json().detail).toBe(
        `Kestrel has 2 of its 2 proposals for Props Term - 2026 June - August submitted ("Published flow logs", "Quota one"); withdraw one or ask the program's admins for more.`,
      );
      await call(mia, "POST", `/api/proposals/${first.slug}/withdraw`);
      expect((await call(mia, "POST", `/api/proposals/${second.slug}/submit`)).statusCode).toBe(200);
    } finally {
      await updateOrganization(db, kestrel.id, { projectQuota: null });
      await withdrawAll();
    }
  });

  it("two submits at once cannot both take the organization's last place", async () => {
    const db = t.context.database.db;
    const program = await findProgramBySlug(db, PROGRAM);
    const kestrel = program ? await findOrganizationBySlug(db, program.id, "kestrel") : undefined;
    if (!kestrel) throw new Error("no Kestrel");
    // The accepted project imported from the page holds one place; one is left.
    await updateOrganization(db, kestrel.id, { projectQuota: 2 });
    try {
      const drafts: Proposal[] = [];
      for (const title of ["Race one", "Race two", "Race three"]) drafts.push(await draft(title, COMPLETE));
      const answers = await Promise.all(drafts.map((proposal) => call(mia, "POST", `/api/proposals/${proposal.slug}/submit`)));
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409, 409]);
    } finally {
      await updateOrganization(db, kestrel.id, { projectQuota: null });
      await withdrawAll();
    }
  });

  it("proposals close to the millisecond, in the term's zone and the maintainer's own; an admin acts past it, audited as an override", async () => {
    await call(mia, "PATCH", "/api/me", { timeZone: "Europe/Berlin" });
    try {
      t.setNow(new Date(CLOSE.getTime() - 1));
      const last = await draft("Just in time");
      t.setNow(CLOSE);
      const late = await call(mia, "POST", `/api/terms/${TERM}/proposals`, { organization: "kestrel", title: "Too late" });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("PHASE_CLOSED");
      expect(late.json().detail).toContain("closed on Tue 31 Mar 2026 at 17:00 PDT");
      expect(late.json().detail).toContain("That is Wed 1 Apr 2026 at 02:00 UTC+02:00 in your time zone (Europe/Berlin).");
      expect((await call(mia, "PATCH", `/api/proposals/${last.slug}`, { description: "Late words" })).statusCode).toBe(409);

      const byAdmin = await draft("Admin after close", {}, admin);
      const [created] = await audits(byAdmin.slug);
      expect(JSON.parse(created?.changes ?? "{}").override).toContain("Project proposals for Props Term - 2026 June - August closed on");
    } finally {
      t.setNow(NOW);
      await withdrawAll();
    }
  });

  it("a named mentor confirms by the emailed link, once; another declines on the proposal's page", async () => {
    const created = await draft("Confirm me", COMPLETE);
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    const token = await tokenFromLatestEmail(t, "new.mentor@example.org", "/mentor-confirmations");

    const looked = await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/lookup", payload: { token } });
    expect(looked.json() as MentorConfirmationResponse).toMatchObject({
      proposal: { slug: created.slug, title: "Confirm me", organizationName: "Kestrel" },
      namedBy: "Mia Maintainer",
      confirmation: "pending",
      needsName: true,
    });
    // Named by an address Cohort did not know: confirming asks the name the project's page will show.
    const nameless = await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/answer", payload: { token, answer: "confirm" } });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().errors).toEqual([expect.objectContaining({ field: "name", code: "required" })]);
    for (let i = 0; i < 2; i += 1) {
      const answered = await t.app.inject({
        method: "POST",
        url: "/api/mentor-confirmations/answer",
        payload: { token, answer: "confirm", name: "Nia Newman", githubHandle: "nia-newman" },
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json() as MentorConfirmationResponse).toMatchObject({
        confirmation: "confirmed",
        mentorName: "Nia Newman",
        needsName: false,
        githubHandle: "nia-newman",
      });
    }
    // A name once given is the person's: a later link cannot rename them.
    const renamed = await t.app.inject({
      method: "POST",
      url: "/api/mentor-confirmations/answer",
      payload: { token, answer: "confirm", name: "Someone Else" },
    });
    expect((renamed.json() as MentorConfirmationResponse).mentorName).toBe("Nia Newman");
    const bad = await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/lookup", payload: { token: `${token}x` } });
    expect(bad.statusCode).toBe(404);

    const asAda = (await call(ada, "GET", `/api/proposals/${created.slug}`)).json() as Proposal;
    expect(asAda.abilities).toMatchObject({ answerAsMentor: true, edit: false });
    const declined = await call(ada, "POST", `/api/proposals/${created.slug}/mentor-answer`, { answer: "decline" });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((declined.json() as Proposal).mentors.map((mentor) => mentor.confirmation)).toEqual(["declined", "confirmed"]);
    expect((await call(mia, "POST", `/api/proposals/${created.slug}/mentor-answer`, { answer: "confirm" })).statusCode).toBe(403);
    const actions = (await audits(created.slug)).map((event) => event.action);
    expect(actions.filter((action) => action === "proposal.mentor_confirmed")).toHaveLength(1);
    expect(actions.filter((action) => action === "proposal.mentor_declined")).toHaveLength(1);
    await withdrawAll();
  });

  it("asking a mentor again sends a new link at most once every 10 minutes, and the older link stops working", async () => {
    const created = await draft("Ask again", COMPLETE);
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    const oldToken = await tokenFromLatestEmail(t, "new.mentor@example.org", "/mentor-confirmations");
    const mentor = (await call(mia, "GET", `/api/proposals/${created.slug}`)).json().mentors[1];
    const url = `/api/proposals/${created.slug}/mentors/${mentor.personId}/ask-again`;
    try {
      const tooSoon = await call(mia, "POST", url);
      expect(tooSoon.statusCode).toBe(429);
      expect(tooSoon.json().detail).toContain("at most once every 10 minutes");
      t.setNow(new Date(NOW.getTime() + 10 * 60 * 1000));
      expect((await call(mia, "POST", url)).statusCode).toBe(200);
      expect(await mentorEmails(created.slug)).toHaveLength(3);
      expect((await call(otherMaintainer, "POST", url)).statusCode).toBe(404);
      const old = await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/lookup", payload: { token: oldToken } });
      expect(old.statusCode).toBe(404);
      const newToken = await tokenFromLatestEmail(t, "new.mentor@example.org", "/mentor-confirmations");
      expect((await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/lookup", payload: { token: newToken } })).statusCode).toBe(200);
      expect((await audits(created.slug)).map((event) => event.action)).toContain("proposal.mentor_asked_again");
    } finally {
      t.setNow(NOW);
      await withdrawAll();
    }
  });

  it("an accepted project's edit is a pending change: the public page keeps the accepted text; its title cannot change", async () => {
    const created = await draft("Accepted flow logs", COMPLETE);
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    await call(ada, "POST", `/api/proposals/${created.slug}/mentor-answer`, { answer: "confirm" });
    const db = t.context.database.db;
    const project = await findProjectInProgram(db, created.slug);
    if (!project) throw new Error("no project");
    // The admin's acceptance, as the board will make it.
    await updateProject(db, project.id, { ...storedProposalState("accepted"), slots: 1 }, NOW);

    const changed = await call(mia, "PATCH", `/api/proposals/${created.slug}`, { description: "New words.", skills: ["Rust"] });
    expect(changed.statusCode, changed.body).toBe(200);
    const proposal = changed.json() as Proposal;
    expect(proposal.description).toBe(COMPLETE.description);
    expect(proposal.pendingChange).toMatchObject({
      description: { before: COMPLETE.description, after: "New words." },
      skills: { before: ["Golang", "eBPF"], after: ["Rust"] },
      expectedOutcome: null,
      mentors: null,
    });
    const page = (await t.app.inject({ method: "GET", url: `/api/projects/${created.slug}` })).json() as ProjectDetail;
    expect(page.descriptionHtml).toContain("<strong>flow logs</strong>");
    expect(page.skills.map((skill) => skill.label)).toEqual(["Go", "eBPF"]);

    const title = await call(mia, "PATCH", `/api/proposals/${created.slug}`, { title: "Renamed", slotsRequested: 2 });
    expect(title.statusCode).toBe(400);
    expect(title.json().errors.map((error: { field: string }) => error.field)).toEqual(["title", "slotsRequested"]);
    expect((await audits(created.slug)).map((event) => event.action)).toContain("proposal.change_proposed");

    // Ada is the only confirmed mentor of a public project: she cannot step back alone.
    const stepBack = await call(ada, "POST", `/api/proposals/${created.slug}/mentor-answer`, { answer: "decline" });
    expect(stepBack.statusCode).toBe(409);
    expect(stepBack.json().detail).toContain("only confirmed mentor");
    await call(mia, "POST", `/api/proposals/${created.slug}/withdraw`);
  });

  it("the public project page, catalog and term counts show confirmed mentors only, never a pending or declined one", async () => {
    const created = await draft("Public mentors", { ...COMPLETE, mentors: ["ada@example.org", "new.mentor@example.org", "@old-mentor"] });
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    await call(ada, "POST", `/api/proposals/${created.slug}/mentor-answer`, { answer: "confirm" });
    const token = await tokenFromLatestEmail(t, "old@example.org", "/mentor-confirmations");
    await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/answer", payload: { token, answer: "decline" } });
    const db = t.context.database.db;
    const project = await findProjectInProgram(db, created.slug);
    if (!project) throw new Error("no project");
    await updateProject(db, project.id, { ...storedProposalState("accepted"), slots: 1 }, NOW);

    const page = (await t.app.inject({ method: "GET", url: `/api/projects/${created.slug}` })).json() as ProjectDetail;
    expect(page.mentors.map((mentor) => mentor.name)).toEqual(["Ada Mentor"]);
    const catalog = (await t.app.inject({ method: "GET", url: `/api/terms/${TERM}/projects?q=public` })).json() as CatalogResponse;
    expect(catalog.items.find((item) => item.slug === created.slug)?.mentors.map((mentor) => mentor.name)).toEqual(["Ada Mentor"]);
    const term = (await t.app.inject({ method: "GET", url: `/api/terms/${TERM}` })).json();
    // Old Mentor, Sal Mentor and Ada; not the pending new mentor, nor Old Mentor's decline twice.
    expect(term.counts.mentors).toBe(3);
    await call(mia, "POST", `/api/proposals/${created.slug}/withdraw`);
  });

  it("a mentor named by an address Cohort did not know is shown by the name they gave when confirming, never by that address", async () => {
    const created = await draft("Private address", { ...COMPLETE, mentors: ["ada@example.org", "quiet.person@example.org"] });
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    const token = await tokenFromLatestEmail(t, "quiet.person@example.org", "/mentor-confirmations");
    await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/answer", payload: { token, answer: "confirm", name: "Quinn Quiet" } });
    const db = t.context.database.db;
    const project = await findProjectInProgram(db, created.slug);
    if (!project) throw new Error("no project");
    await updateProject(db, project.id, { ...storedProposalState("accepted"), slots: 1 }, NOW);
    const page = await t.app.inject({ method: "GET", url: `/api/projects/${created.slug}` });
    expect((page.json() as ProjectDetail).mentors.map((mentor) => mentor.name)).toContain("Quinn Quiet");
    expect(page.body).not.toContain("quiet.person");
    const catalog = await t.app.inject({ method: "GET", url: `/api/terms/${TERM}/projects?q=private` });
    expect(catalog.body).not.toContain("quiet.person");
    await call(mia, "POST", `/api/proposals/${created.slug}/withdraw`);
  });

  it("who sees a proposal: its maintainers, its named mentors and the program's admins; others are told it does not exist", async () => {
    const created = await draft("Seen by few", COMPLETE);
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    const url = `/api/proposals/${created.slug}`;
    expect((await call(null, "GET", url)).statusCode).toBe(401);
    expect((await call(applicant, "GET", url)).statusCode).toBe(404);
    expect((await call(otherMaintainer, "GET", url)).statusCode).toBe(404);
    expect((await call(otherMaintainer, "PATCH", url, { title: "Mine now" })).statusCode).toBe(404);
    expect((await call(ada, "GET", url)).statusCode).toBe(200);
    expect((await call(ada, "PATCH", url, { title: "Mine now" })).statusCode).toBe(403);
    expect((await call(admin, "GET", url)).json().abilities.decide).toBe(true);
    const forOther = await call(otherMaintainer, "POST", `/api/terms/${TERM}/proposals`, { organization: "kestrel", title: "Not ours" });
    expect(forOther.statusCode).toBe(403);
    await withdrawAll();
  });

  it("a draft term takes proposals from its admins only; to maintainers it does not exist", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    if (!term) throw new Error("no term");
    await updateTerm(db, term.id, { publishedAt: null }, NOW);
    try {
      const refused = await call(mia, "POST", `/api/terms/${TERM}/proposals`, { organization: "kestrel", title: "In a draft term" });
      expect(refused.statusCode).toBe(404);
      const byAdmin = await draft("Admin's draft-term proposal", {}, admin);
      expect((await call(mia, "GET", `/api/proposals/${byAdmin.slug}`)).statusCode).toBe(404);
    } finally {
      await updateTerm(db, term.id, { publishedAt: NOW.toISOString() }, NOW);
      await withdrawAll();
    }
  });

  it("a maintainer's home lists their proposals with the next step and deadline; a mentor's those awaiting their answer", async () => {
    const created = await draft("Home page", COMPLETE);
    const mine = (await call(mia, "GET", "/api/me/proposals")).json() as MyProposalsResponse;
    const item = mine.maintained.find((proposal) => proposal.slug === created.slug);
    expect(item?.nextStep).toBe("Draft · submit it before proposals close on Wed 1 Apr 2026 at 02:00 UTC+02:00");
    expect(item?.deadline).toBe(CLOSE.toISOString());
    expect(mine.maintained.some((proposal) => proposal.title === "Published flow logs")).toBe(false);
    expect(((await call(ada, "GET", "/api/me/proposals")).json() as MyProposalsResponse).awaitingMyAnswer.some((p) => p.slug === created.slug)).toBe(false);
    await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
    const adas = (await call(ada, "GET", "/api/me/proposals")).json() as MyProposalsResponse;
    expect(adas.awaitingMyAnswer.find((proposal) => proposal.slug === created.slug)?.mentors).toEqual({ confirmed: 0, pending: 2, declined: 0 });
    await withdrawAll();
  });

  it("the tag input suggests existing skills, those starting with the words first, at most 10", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/skills?q=ru" });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as SkillSuggestionsResponse;
    expect(items[0]).toEqual({ tag: "rust", label: "Rust" });
    expect(items.length).toBeLessThanOrEqual(10);
    expect(((await t.app.inject({ method: "GET", url: "/api/skills?q=%25" })).json() as SkillSuggestionsResponse).items).toEqual([]);
  });

  it.runIf(dialect === "sqlite")("the confirmation email reaches the mentor through SMTP with a link that answers", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const created = await draft("Over the wire", { ...COMPLETE, mentors: ["wire.mentor@example.org"] });
      await call(mia, "POST", `/api/proposals/${created.slug}/submit`);
      const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Cohort <no-reply@cohort.test>" });
      if (!mailer) throw new Error("no mailer");
      const worker = createOutboxWorker({ database: t.context.database, mailer, now: () => NOW, log: { debug() {}, info() {}, warn() {}, error() {} } });
      await worker.drainOnce();
      await worker.stop();
      mailer.close();
      const email = await waitForEmail(smtp, "wire.mentor@example.org");
      expect(email.text ?? "").toContain('Mia Maintainer named you as a mentor of "Over the wire", a project Kestrel proposes');
      const token = (email.text ?? "").match(/\/mentor-confirmations#token=([\w-]+)/)?.[1] ?? "";
      const answered = await t.app.inject({ method: "POST", url: "/api/mentor-confirmations/answer", payload: { token, answer: "confirm", name: "Wim Wire" } });
      expect((answered.json() as MentorConfirmationResponse).confirmation).toBe("confirmed");
    } finally {
      await smtp.close();
      await withdrawAll();
    }
  });
});

describe("guessing mentor confirmation links", () => {
  it("is limited per minute, like invitation links", async () => {
    const t = await createTestApp("sqlite");
    try {
      for (const url of ["/api/mentor-confirmations/lookup", "/api/mentor-confirmations/answer"]) {
        const answers: number[] = [];
        for (let i = 0; i < 31; i += 1) {
          answers.push((await t.app.inject({ method: "POST", url, payload: { token: `cohort_mentor_guess-${i}`, answer: "confirm" } })).statusCode);
        }
        expect(answers.slice(0, 30).every((status) => status === 404)).toBe(true);
        expect(answers[30]).toBe(429);
      }
    } finally {
      await t.dispose();
    }
  });
});
