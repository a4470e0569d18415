import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import type { Application, ApplicationForm, MyApplicationsResponse } from "../../../schemas/application.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";
import { findOrCreatePerson } from "../../../storage/repos/person-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { addProjectMentor } from "../../../storage/repos/project-repo.ts";
import { replaceProjectQuestions } from "../../../storage/repos/proposal-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";
import { parseTermPage } from "../../../termpages/index.ts";

const NOW = new Date("2026-04-20T12:00:00.000Z");
/** Applications close on Thu 30 Apr 2026 at 17:00 PDT. */
const CLOSE = new Date("2026-05-01T00:00:00.000Z");
const PROGRAM = "apply";
const TERM = "apply-2026";
const TITLE = "Apply Term - 2026 June - August";
const PASSWORD = "application test password";

const PROJECTS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"];

const PAGE = `# ${TITLE}

### Timeline

| activity | date |
| --- | --- |
| project proposals | Monday Feb 2 - Tues Mar 31, 2026, 5:00 PM PDT |
| mentee applications open | Wed Apr 15 - Thu Apr 30, 2026, 5:00 PM PDT |
| application review period | Fri May 1 - Fri May 15, 2026, 5:00 PM PDT |
| selection notifications | Tue May 19, 2026, 5:00 PM PDT |

## Accepted projects

### Kestrel

${PROJECTS.map(
  (title) => `#### ${title}

- Description: The ${title} project.
- Expected Outcome: ${title} done.
- Recommended Skills: Go
- Mentor(s):
  - Someone (someone-${title.toLowerCase()}, <${title.toLowerCase()}@example.org>)
`,
).join("\n")}`;

const LETTER = "I would like to work on **this**.";
const BODY = { coverLetter: LETTER, answers: [], links: ["https://example.org/me"] };

describe.each(testDialects())("applications on %s", (dialect) => {
  let t: TestApp;
  let ann: TestSession;
  let bea: TestSession;
  let cal: TestSession;
  let mentor: TestSession;
  let admin: TestSession;
  const slugs = new Map<string, string>();
  const ids = new Map<string, number>();
  let keyCounter = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow(NOW);
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(PAGE, { fileName: "apply.md", now: NOW }),
      programSlug: PROGRAM,
      termSlug: TERM,
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: NOW,
    });
    const db = t.context.database.db;
    const program = await findProgramBySlug(db, PROGRAM);
    if (!program) throw new Error("the page made no program");
    const projects = await db.selectFrom("projects").select(["id", "slug", "title"]).execute();
    for (const project of projects) {
      slugs.set(project.title, project.slug);
      ids.set(project.title, project.id);
    }
    const signUp = (name: string, email: string) => signUpAndVerify(t, { name, email, password: PASSWORD });
    ann = await signUp("Ann Applicant", "ann@example.org");
    bea = await signUp("Bea Applicant", "bea@example.org");
    cal = await signUp("Cal Applicant", "cal@example.org");
    mentor = await signUp("Mo Mentor", "mo@example.org");
    admin = await signUp("Ada Admin", "ada@example.org");
    const idOf = async (email: string) => (await findPersonByEmail(db, email))?.id ?? 0;
    await addProjectMentor(db, ids.get("Alpha") ?? 0, await idOf("mo@example.org"));
    await grantRole(db, {
      personId: await idOf("ada@example.org"),
      role: "program_admin",
      programId: program.id,
      organizationId: null,
      grantedBy: null,
      at: NOW,
    });
    await replaceProjectQuestions(db, ids.get("Hotel") ?? 0, [
      { section: "task", kind: "url", prompt: "Link your pull request", choices: [], required: true },
      { section: "question", kind: "choice", prompt: "Which part interests you?", choices: ["Parser", "Renderer"], required: true },
      { section: "question", kind: "text", prompt: "Anything else?", choices: [], required: false },
    ]);
  });

  afterAll(async () => {
    await t?.dispose();
  });

  const slug = (title: string) => slugs.get(title) ?? title;
  const newKey = () => `test-key-${dialect}-${++keyCounter}`;
  const call = (session: TestSession | null, method: "GET" | "POST" | "PUT", url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { ...(session ? asBrowser(session) : {}), ...headers } });
  const form = async (session: TestSession, title: string) => {
    const response = await call(session, "GET", `/api/projects/${slug(title)}/application`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ApplicationForm;
  };
  const save = (session: TestSession, title: string, body: object = BODY) => call(session, "PUT", `/api/projects/${slug(title)}/application`, body);
  const submit = (session: TestSession, title: string, body: object = BODY, key = newKey()) =>
    call(session, "POST", `/api/projects/${slug(title)}/application/submit`, body, { "idempotency-key": key });
  const withdraw = (session: TestSession, id: number) => call(session, "POST", `/api/applications/${id}/withdraw`, {});
  const applicationRows = (title: string) =>
    t.context.database.db
      .selectFrom("applications")
      .selectAll()
      .where("projectId", "=", ids.get(title) ?? 0)
      .execute();
  const emailsTo = async (email: string) =>
    (await listOutbox(t.context.database.db, { limit: 500, offset: 0 })).items.filter((item) => item.recipientEmail === email);
  const revision = async () => (await findTermBySlug(t.context.database.db, TERM))?.revision ?? -1;

  it("the API document asks for the Idempotency-Key header on a submission", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean }> }>>;
    };
    const submitting = document.paths["/api/projects/{project}/application/submit"]?.post;
    expect(submitting?.parameters?.filter((parameter) => parameter.in === "header")).toMatchObject([{ name: "idempotency-key", required: true }]);
  });

  it("an applicant drafts, autosaves, submits, edits, withdraws and applies again, with one confirmation email per submission", async () => {
    const empty = await form(ann, "Alpha");
    expect(empty).toMatchObject({
      project: { slug: slug("Alpha"), title: "Alpha", organization: { slug: "kestrel" } },
      term: { slug: TERM, title: TITLE, timeZone: "America/Los_Angeles" },
      window: { open: true, closesAt: CLOSE.toISOString() },
      accepting: { accepting: true, reason: null },
      eligibility: { questions: 0, answered: true, eligible: true },
      cap: { limit: 3, used: 0, applications: [] },
      application: null,
    });

    const drafted = await save(ann, "Alpha", { ...BODY, coverLetter: "First words" });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json()).toMatchObject({ state: "draft", coverLetter: "First words", submittedAt: null });
    const autosaved = (await save(ann, "Alpha")).json() as Application;
    expect(autosaved).toMatchObject({ id: drafted.json().id, state: "draft", coverLetter: LETTER });
    expect(autosaved.coverLetterHtml).toContain("<strong>this</strong>");

    const submitted = await submit(ann, "Alpha");
    expect(submitted.statusCode, submitted.body).toBe(201);
    const application = submitted.json() as Application;
    expect(application).toMatchObject({ id: autosaved.id, state: "submitted", submittedAt: NOW.toISOString(), links: ["https://example.org/me"] });
    expect((await form(ann, "Alpha")).cap).toEqual({ limit: 3, used: 1, applications: [{ projectSlug: slug("Alpha"), projectTitle: "Alpha" }] });

    const edited = await save(ann, "Alpha", { ...BODY, coverLetter: `${LETTER} Edited.` });
    expect(edited.json()).toMatchObject({ state: "submitted", coverLetter: `${LETTER} Edited.`, submittedAt: NOW.toISOString() });

    const withdrawn = await withdraw(ann, application.id);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: "withdrawn", withdrawnAt: NOW.toISOString() });
    expect((await withdraw(ann, application.id)).json()).toMatchObject({ state: "withdrawn" });
    expect((await form(ann, "Alpha")).cap.used).toBe(0);

    const again = await save(ann, "Alpha");
    expect(again.json()).toMatchObject({ id: application.id, state: "draft", submittedAt: null, withdrawnAt: null });
    const resubmitted = await submit(ann, "Alpha");
    expect(resubmitted.statusCode, resubmitted.body).toBe(201);
    expect(await applicationRows("Alpha")).toHaveLength(1);

    const emails = await emailsTo("ann@example.org");
    const confirmations = emails.filter((email) => email.subject === "Application received: Alpha");
    expect(confirmations).toHaveLength(2);
    expect(confirmations[0]?.bodyText).toContain("was received on Mon 20 Apr 2026 at 05:00 PDT (12:00 UTC)");
    expect(confirmations[0]?.bodyText).toContain("until applications close on Thu 30 Apr 2026 at 17:00 PDT (00:00 UTC)");
    expect(confirmations[0]?.bodyText).toContain("http://cohort.test/applications");
    expect(confirmations[0]?.bodyHtml).toContain('href="http://cohort.test/applications"');
    const actions = (await listAuditEventsFor(t.context.database.db, "application", application.id)).map((event) => event.action);
    expect(actions).toEqual(["application.submitted", "application.withdrawn", "application.submitted"]);
  });

  it("the window is exact to the millisecond: 16:59:59.999 PDT is accepted, 17:00:00.000 refused with the close in the term's zone and UTC", async () => {
    try {
      t.setNow(new Date(CLOSE.getTime() - 1));
      const last = await submit(bea, "Alpha");
      expect(last.statusCode, last.body).toBe(201);
      expect(last.json().submittedAt).toBe("2026-04-30T23:59:59.999Z");

      t.setNow(CLOSE);
      const late = await submit(cal, "Alpha");
      expect(late.statusCode).toBe(409);
      expect(late.headers["content-type"]).toContain("application/problem+json");
      expect(late.json()).toMatchObject({
        code: "PHASE_CLOSED",
        detail: `Applications for ${TITLE} closed on Thu 30 Apr 2026 at 17:00 PDT (00:00 UTC).`,
      });
      expect((await save(cal, "Alpha")).json().code).toBe("PHASE_CLOSED");
      expect((await applicationRows("Alpha")).map((row) => row.state)).toEqual(["submitted", "submitted"]);
      // Withdrawing is the applicant's right after the close too; applying again is not.
      const id = last.json().id as number;
      expect((await withdraw(bea, id)).json()).toMatchObject({ state: "withdrawn" });
      expect((await save(bea, "Alpha")).json().code).toBe("PHASE_CLOSED");
    } finally {
      t.setNow(NOW);
    }
  });

  it("the cap counts submitted applications of the term only, leaving out drafts and withdrawn ones, and names the projects that count", async () => {
    expect((await save(bea, "Echo")).statusCode).toBe(200);
    for (const title of ["Bravo", "Charlie", "Delta"]) expect((await submit(bea, title)).statusCode).toBe(201);
    const refused = await submit(bea, "Echo");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "LIMIT_REACHED",
      detail: `You have submitted 3 of 3 applications for ${TITLE}: Bravo, Charlie, Delta. Withdraw one to apply to another.`,
    });
    expect((await applicationRows("Echo")).map((row) => row.state)).toEqual(["draft"]);
    // Editing an application that counts already takes no new place.
    expect((await submit(bea, "Charlie", { ...BODY, coverLetter: "Charlie again" })).statusCode).toBe(200);

    const charlie = (await form(bea, "Charlie")).application;
    expect((await withdraw(bea, charlie?.id ?? 0)).statusCode).toBe(200);
    const accepted = await submit(bea, "Echo");
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect((await form(bea, "Golf")).cap).toMatchObject({ limit: 3, used: 3 });
  });

  it("a retry with the same Idempotency-Key and body gets the first answer and creates nothing; the key with another body is refused", async () => {
    const key = newKey();
    const first = await submit(cal, "Bravo", BODY, key);
    expect(first.statusCode, first.body).toBe(201);
    t.setNow(new Date(NOW.getTime() + 60_000));
    try {
      const retry = await submit(cal, "Bravo", BODY, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      // After the close too: the retry is answered as the first request was.
      t.setNow(CLOSE);
      expect((await submit(cal, "Bravo", BODY, key)).json()).toEqual(first.json());
    } finally {
      t.setNow(NOW);
    }
    const other = await submit(cal, "Bravo", { ...BODY, coverLetter: "Something else" }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(other.json().detail).toContain("already used for another submission");
    expect((await submit(cal, "Charlie", BODY, key)).statusCode).toBe(422);
    expect(await applicationRows("Bravo")).toHaveLength(2);
    expect((await emailsTo("cal@example.org")).filter((email) => email.subject === "Application received: Bravo")).toHaveLength(1);

    const missing = await call(cal, "POST", `/api/projects/${slug("Bravo")}/application/submit`, BODY);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((error: { field: string }) => error.field)).toEqual(["headers.idempotency-key"]);
    const short = await submit(cal, "Bravo", BODY, "short");
    expect(short.statusCode).toBe(400);
  });

  it("bad input is refused naming each field, and nothing is written", async () => {
    const hotel = await form(cal, "Hotel");
    const [url, choice] = hotel.questions;
    expect(hotel.questions.map((question) => [question.kind, question.required])).toEqual([
      ["url", true],
      ["choice", true],
      ["text", false],
    ]);
    const fieldsOf = async (response: Awaited<ReturnType<typeof call>>) => {
      expect(response.statusCode, response.body).toBe(400);
      return (response.json().errors as Array<{ field: string; code: string }>).map((error) => `${error.field} ${error.code}`);
    };
    const wrong = {
      ...BODY,
      answers: [
        { questionId: url?.id, answer: "ftp://example.org/pr/1" },
        { questionId: choice?.id, answer: "Compiler" },
        { questionId: 999_999, answer: "?" },
      ],
    };
    expect(await fieldsOf(await save(cal, "Hotel", wrong))).toEqual([
      "answers.0.answer invalid_url",
      "answers.1.answer invalid_choice",
      "answers.2.questionId unknown_question",
    ]);
    expect(await fieldsOf(await submit(cal, "Hotel", { ...BODY, coverLetter: "", answers: [{ questionId: url?.id, answer: "" }] }))).toEqual([
      "coverLetter required",
      "answers.0.answer required",
      "answers.1.answer required",
    ]);
    expect(await fieldsOf(await save(cal, "Hotel", { ...BODY, coverLetter: "x".repeat(6001) }))).toEqual(["coverLetter too_big"]);
    expect(await fieldsOf(await save(cal, "Hotel", { ...BODY, links: ["javascript:alert(1)"] }))).toEqual(["links.0 invalid_format"]);
    expect(await applicationRows("Hotel")).toEqual([]);

    const good = {
      ...BODY,
      answers: [
        { questionId: url?.id, answer: "https://github.com/example/hotel/pull/1" },
        { questionId: choice?.id, answer: "Parser" },
      ],
    };
    expect((await submit(cal, "Hotel", good)).statusCode).toBe(201);
    // A submitted application stays complete: an edit that empties a required answer is refused.
    const emptied = await save(cal, "Hotel", { ...good, answers: [good.answers[0]] });
    expect(await fieldsOf(emptied)).toEqual(["answers.1.answer required"]);
  });

  it("an application is its applicant's, its project's mentors' and the program's admins' to read; only its applicant changes it", async () => {
    const mine = (await form(ann, "Alpha")).application;
    const id = mine?.id ?? 0;
    expect((await call(ann, "GET", `/api/applications/${id}`)).json()).toMatchObject({ id, state: "submitted" });
    expect((await call(mentor, "GET", `/api/applications/${id}`)).statusCode).toBe(200);
    expect((await call(admin, "GET", `/api/applications/${id}`)).statusCode).toBe(200);
    const other = await call(bea, "GET", `/api/applications/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toBe(`There is no application ${id}.`);
    expect((await call(null, "GET", `/api/applications/${id}`)).statusCode).toBe(401);
    expect((await call(bea, "GET", "/api/applications/99999999")).statusCode).toBe(404);

    expect((await withdraw(admin, id)).statusCode).toBe(403);
    expect((await withdraw(mentor, id)).statusCode).toBe(403);
    expect((await withdraw(bea, id)).statusCode).toBe(404);
    expect((await call(null, "POST", `/api/applications/${id}/withdraw`, {})).statusCode).toBe(401);

    // A draft is its applicant's alone.
    const draft = (await save(cal, "Golf")).json() as Application;
    expect((await call(admin, "GET", `/api/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await call(cal, "GET", `/api/applications/${draft.id}`)).statusCode).toBe(200);
    expect((await call(null, "GET", `/api/projects/${slug("Golf")}/application`)).statusCode).toBe(401);
  });

  it("a project at its mentors' soft cap takes no new applicant, while one already there still edits; the catalog's revision moves when it fills", async () => {
    const db = t.context.database.db;
    await db
      .updateTable("projects")
      .set({ applicationCap: 1 })
      .where("id", "=", ids.get("Foxtrot") ?? 0)
      .execute();
    const before = await revision();
    expect((await submit(ann, "Foxtrot")).statusCode).toBe(201);
    expect(await revision()).toBeGreaterThan(before);
    expect((await form(bea, "Foxtrot")).accepting).toMatchObject({ accepting: false });
    expect((await form(ann, "Foxtrot")).accepting).toEqual({ accepting: true, reason: null });
    const refused = await submit(cal, "Foxtrot");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "LIMIT_REACHED" });
    expect(refused.json().detail).toContain('"Foxtrot" has reached the 1 applications its mentors can read and takes no new ones');
    expect((await submit(ann, "Foxtrot", { ...BODY, coverLetter: "Edited within the cap" })).statusCode).toBe(200);
    expect((await applicationRows("Foxtrot")).map((row) => row.state)).toEqual(["submitted"]);
  });

  it("the fifth applicant of a project moves it to the next band, and the catalog's revision with it", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    for (let index = 1; index <= 4; index++) {
      const { person } = await findOrCreatePerson(db, { name: `Seeded ${index}`, handle: null, email: `seeded${index}@example.org` }, NOW);
      await db
        .insertInto("applications")
        .values({
          termId: term?.id ?? 0,
          projectId: ids.get("India") ?? 0,
          personId: person.id,
          state: "submitted",
          submittedAt: NOW.toISOString(),
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        })
        .execute();
    }
    const before = await revision();
    expect((await submit(cal, "Juliet")).statusCode).toBe(201);
    expect(await revision()).toBe(before);
    expect((await submit(ann, "India")).statusCode).toBe(201);
    expect(await revision()).toBe(before + 1);
  });

  it("My applications gives each application's state in words, its next step with its date, and the deadline", async () => {
    const response = await call(bea, "GET", "/api/me/applications");
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as MyApplicationsResponse;
    const byTitle = Object.fromEntries(items.map((item) => [item.project.title, item]));
    expect(byTitle.Bravo).toMatchObject({
      state: "submitted",
      stateLabel: "Submitted",
      nextStep:
        "Submitted · you may edit or withdraw it until Thu 30 Apr 2026 at 17:00 PDT; mentors review until Fri 15 May 2026 at 17:00 PDT; you hear from us on Tue 19 May 2026 at 17:00 PDT",
      nextStepAt: "2026-05-20T00:00:00.000Z",
      deadline: CLOSE.toISOString(),
      term: { slug: TERM, timeZone: "America/Los_Angeles" },
    });
    expect(byTitle.Charlie).toMatchObject({ state: "withdrawn", nextStep: "Withdrawn · you may apply again until Thu 30 Apr 2026 at 17:00 PDT" });
    expect(
      (await call(cal, "GET", "/api/me/applications")).json().items.find((item: { project: { title: string } }) => item.project.title === "Golf"),
    ).toMatchObject({ state: "draft", nextStep: "Draft · submit by Thu 30 Apr 2026 at 17:00 PDT", nextStepAt: CLOSE.toISOString() });
    expect((await call(null, "GET", "/api/me/applications")).statusCode).toBe(401);
  });

  it("submissions sent at once keep every rule: the limit, a soft cap's last place, one application per double click", async () => {
    const [dee, eve, fay] = [
      await signUpAndVerify(t, { name: "Dee Applicant", email: "dee@example.org", password: PASSWORD }),
      await signUpAndVerify(t, { name: "Eve Applicant", email: "eve@example.org", password: PASSWORD }),
      await signUpAndVerify(t, { name: "Fay Applicant", email: "fay@example.org", password: PASSWORD }),
    ];
    const statuses = (responses: Array<{ statusCode: number }>) => responses.map((response) => response.statusCode).sort();
    const four = await Promise.all(["Bravo", "Charlie", "Delta", "Echo"].map((title) => submit(dee, title)));
    expect(statuses(four)).toEqual([201, 201, 201, 409]);
    expect((await form(dee, "Golf")).cap.used).toBe(3);

    // A double click: two keys for one project, and one key sent twice.
    const key = newKey();
    const clicks = await Promise.all([submit(eve, "Alpha"), submit(eve, "Alpha"), submit(eve, "Alpha", BODY, key), submit(eve, "Alpha", BODY, key)]);
    expect(clicks.every((response) => response.statusCode === 200 || response.statusCode === 201)).toBe(true);
    expect(new Set(clicks.map((response) => response.json().id)).size).toBe(1);
    const eveId = (await findPersonByEmail(t.context.database.db, "eve@example.org"))?.id;
    expect((await applicationRows("Alpha")).filter((row) => row.personId === eveId)).toHaveLength(1);

    await t.context.database.db
      .updateTable("projects")
      .set({ applicationCap: 1 })
      .where("id", "=", ids.get("Golf") ?? 0)
      .execute();
    const race = await Promise.all([submit(eve, "Golf"), submit(fay, "Golf")]);
    expect(statuses(race)).toEqual([201, 409]);
    expect((await applicationRows("Golf")).filter((row) => row.state === "submitted")).toHaveLength(1);
  });

  it("an eligibility answer that disqualifies blocks submitting with its reason; unanswered questions are asked for first", async () => {
    const db = t.context.database.db;
    const term = await findTermBySlug(db, TERM);
    const termId = term?.id ?? 0;
    const question = await db
      .insertInto("termEligibilityQuestions")
      .values({
        termId,
        position: 1,
        kind: "yes_no",
        prompt: "I am 18 or older",
        disqualifyingAnswers: '["no"]',
        disqualifyingReason: "Mentees must be 18 or older.",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const person = await findPersonByEmail(db, "cal@example.org");
    const unanswered = await submit(cal, "Golf");
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().errors).toEqual([{ field: "eligibility", code: "eligibility_unanswered", detail: "Answer the eligibility questions first." }]);

    await db
      .insertInto("eligibilityAnswers")
      .values({
        termId,
        personId: person?.id ?? 0,
        answers: JSON.stringify({ [question.id]: "no" }),
        eligible: 0,
        disqualifications: JSON.stringify([{ questionId: question.id, prompt: "I am 18 or older", answer: "no", reason: "Mentees must be 18 or older." }]),
        answeredAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })
      .execute();
    const refused = await submit(cal, "Golf");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe(
      `Your eligibility answers for ${TITLE} do not allow you to apply. Mentees must be 18 or older. (you answered "no" to "I am 18 or older")`,
    );
    expect((await form(cal, "Golf")).eligibility).toMatchObject({ questions: 1, answered: true, eligible: false });
    expect((await applicationRows("Golf")).filter((row) => row.personId === person?.id).map((row) => row.state)).toEqual(["draft"]);
    // An application submitted before stays editable: eligibility is asked of new submissions.
    const bravo = await submit(cal, "Bravo", { ...BODY, coverLetter: "Still editing" });
    expect(bravo.statusCode, bravo.body).toBe(200);
  });

  it("an applicant answers only their own open offer, before its deadline, and holds one mentorship per term", async () => {
    const db = t.context.database.db;
    const gil = await signUpAndVerify(t, { name: "Gil Applicant", email: "gil@example.org", password: PASSWORD });
    const personId = (await findPersonByEmail(db, "gil@example.org"))?.id ?? 0;
    const termId = (await findTermBySlug(db, TERM))?.id ?? 0;
    const now = t.context.now();
    const DAY = 24 * 60 * 60 * 1000;
    // Offers as the outcome notices make them, with their deadline.
    const offer = async (title: string, respondBy: Date) => {
      const id = await insertApplicationRow(db, { termId, projectId: ids.get(title) ?? 0, personId, state: "submitted", at: now });
      await reoffer(id, respondBy);
      return id;
    };
    const reoffer = (id: number, respondBy: Date) =>
      db
        .updateTable("applications")
        .set({ state: "offered", offeredAt: now.toISOString(), offerSource: "selection", respondBy: respondBy.toISOString(), withdrawnAt: null })
        .where("id", "=", id)
        .execute();
    const answer = (session: TestSession, id: number, how: "accept" | "decline") => call(session, "POST", `/api/applications/${id}/offer/${how}`);
    const late = await offer("India", new Date(now.getTime() - 60_000));
    const first = await offer("Delta", new Date(now.getTime() + 3 * DAY));
    const second = await offer("Echo", new Date(now.getTime() + 3 * DAY));

    const lapsed = await answer(gil, late, "accept");
    expect(lapsed.statusCode).toBe(409);
    expect(lapsed.headers["content-type"]).toContain("application/problem+json");
    expect(lapsed.json().detail).toMatch(/^The offer on "India" lapsed on .*: it can no longer be accepted\.$/);

    // Someone else's offer does not exist for them, whoever they are.
    for (const other of [ann, mentor, admin]) expect((await answer(other, second, "decline")).statusCode).toBe(404);

    const accepted = await answer(gil, first, "accept");
    expect(accepted.statusCode, accepted.body).toBe(200);
    const states = Object.fromEntries((accepted.json() as MyApplicationsResponse).items.map((item) => [item.project.title, item.state]));
    expect(states).toEqual({ Delta: "accepted", Echo: "withdrawn", India: "withdrawn" });
    const again = await answer(gil, second, "accept");
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Your application to "Echo" has no offer to answer (it is withdrawn).');

    // No command leaves an offer open beside a mentorship; should one be, accepting it is still refused.
    await reoffer(second, new Date(now.getTime() + 3 * DAY));
    const twice = await answer(gil, second, "accept");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/^You accepted the mentorship on "Delta" on .*; an applicant holds one mentorship per term\.$/);
    expect(await db.selectFrom("mentorships").select("applicationId").where("personId", "=", personId).execute()).toEqual([{ applicationId: first }]);
  });
});
