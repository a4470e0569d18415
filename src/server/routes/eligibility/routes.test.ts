import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../../test/helpers/catalog-fixture.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { loadEligibilityStatus } from "../../../commands/eligibility/eligibility-status.ts";
import { loadEligibilityAnswersForAdmin } from "../../../commands/eligibility/load-eligibility-answers-for-admin.ts";
import type { SignedIn } from "../../../policies/actor.ts";
import type { Eligibility, EligibilityQuestionsResponse } from "../../../schemas/eligibility.ts";
import { listAuditEventsFor } from "../../../storage/repos/audit-repo.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { grantRole } from "../../../storage/repos/role-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const PASSWORD = "a long enough password";
// FIXTURE_TODAY (2 Mar 2026): term 01 closed its applications last year, term 02 takes them
// until 7 Mar 2026 17:00 PST, term 03 opens them in June.
const CLOSED = "2025-demo-term-01";
const OPEN = "2026-demo-term-02";
const LATER = "2026-demo-term-03";

describe.each(testDialects())("eligibility questions and answers on %s", (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let ann: TestSession;
  let bob: TestSession;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow(FIXTURE_TODAY);
    await seedCatalogFixture(t.context.database);
    admin = await signUpAndVerify(t, { name: "Ada Admin", email: "ada@example.org", password: PASSWORD });
    ann = await signUpAndVerify(t, { name: "Ann Applicant", email: "ann@example.org", password: PASSWORD });
    bob = await signUpAndVerify(t, { name: "Bob Applicant", email: "bob@example.org", password: PASSWORD });
    for (const [name, session] of Object.entries({ admin, ann, bob })) {
      ids[name] = (await t.app.inject({ method: "GET", url: "/api/me", headers: asBrowser(session) })).json().id;
    }
    const demo = await findProgramBySlug(t.context.database.db, "demo");
    if (!demo || !ids.admin) throw new Error("fixture incomplete");
    await grantRole(t.context.database.db, {
      personId: ids.admin,
      role: "program_admin",
      programId: demo.id,
      organizationId: null,
      grantedBy: null,
      at: FIXTURE_TODAY,
    });
  }, 120_000);
  afterAll(() => t.dispose());

  const get = (url: string, session?: TestSession) => t.app.inject({ method: "GET", url, headers: session ? asBrowser(session) : {} });
  const put = (url: string, payload: object, session?: TestSession) =>
    t.app.inject({ method: "PUT", url, payload, headers: session ? asBrowser(session) : {} });
  const eligibilityOf = async (term: string, session: TestSession) => (await get(`/api/terms/${term}/eligibility`, session)).json() as Eligibility;
  const answerAll = async (term: string, session: TestSession, answer: (prompt: string) => string) => {
    const { questions } = await eligibilityOf(term, session);
    return put(
      `/api/terms/${term}/eligibility`,
      { answers: questions.map((question) => ({ questionId: question.id, answer: answer(question.prompt) })) },
      session,
    );
  };

  it("the demo program asks the three example questions, each ruling out on “no” with its reason, and every demo term has its own copy", async () => {
    const program = await get("/api/programs/demo/eligibility-questions", admin);
    expect(program.statusCode, program.body).toBe(200);
    const prompts = ["I am 18 or older", "I have not been a mentee of this program before", "I can receive payments where I live"];
    expect((program.json() as EligibilityQuestionsResponse).questions).toEqual(
      prompts.map((prompt) => expect.objectContaining({ kind: "yes_no", prompt, disqualifyingAnswers: ["no"], disqualifyingReason: expect.any(String) })),
    );
    const copy = (await get(`/api/terms/${OPEN}/eligibility-questions`, admin)).json() as EligibilityQuestionsResponse;
    expect(copy.questions.map((question) => question.prompt)).toEqual(prompts);
    expect(copy.editable).toBe(false);
    expect(copy.message).toContain("only the wording of a prompt or a reason can change now");
  });

  it("an applicant sees the term's questions before answering, with no verdict yet, and until when they can answer", async () => {
    const response = await get(`/api/terms/${OPEN}/eligibility`, ann);
    expect(response.statusCode, response.body).toBe(200);
    const eligibility = response.json() as Eligibility;
    expect(eligibility).toMatchObject({ term: { slug: OPEN }, answers: [], answeredAt: null, verdict: null, canAnswer: true });
    expect(eligibility.questions).toHaveLength(3);
    expect(eligibility.message).toMatch(
      /^Applications for Term 02 .* are open until Sat 7 Mar 2026 at 17:00 PST \(01:00 UTC\)\. Until then you can change your answers\.$/,
    );
  });

  it("answering every question “yes” makes an applicant eligible; the answers come back, and the audit log has the verdict but not the answers", async () => {
    const response = await answerAll(OPEN, ann, () => "yes");
    expect(response.statusCode, response.body).toBe(200);
    const eligibility = response.json() as Eligibility;
    expect(eligibility.verdict).toEqual({ eligible: true, disqualifications: [], message: expect.stringMatching(/^You are eligible to apply for Term 02/) });
    expect(eligibility.answers.map((answer) => answer.answer)).toEqual(["yes", "yes", "yes"]);
    expect(eligibility.answeredAt).toBe(FIXTURE_TODAY.toISOString());
    expect(await eligibilityOf(OPEN, ann)).toEqual(eligibility);

    const term = await findTermBySlug(t.context.database.db, OPEN);
    if (!term || !ids.ann) throw new Error("fixture incomplete");
    const events = (await listAuditEventsFor(t.context.database.db, "term", term.id)).filter((event) => event.action === "eligibility.answered");
    expect(events.map((event) => JSON.parse(event.changes))).toEqual([{ eligible: true, disqualifiedBy: [] }]);
    expect(await loadEligibilityStatus(t.context.database.db, { termId: term.id, personId: ids.ann })).toEqual({
      questions: 3,
      answered: true,
      eligible: true,
      disqualifications: [],
    });
  });

  it("a disqualifying answer is kept, and the verdict names the question, the answer and the reason; answering again while open clears it", async () => {
    const response = await answerAll(OPEN, bob, (prompt) => (prompt === "I am 18 or older" ? "no" : "yes"));
    expect(response.statusCode, response.body).toBe(200);
    const { verdict, questions } = response.json() as Eligibility;
    expect(verdict).toEqual({
      eligible: false,
      disqualifications: [
        { questionId: questions[0]?.id, prompt: "I am 18 or older", answer: "no", reason: "Mentees must be 18 or older when the term starts." },
      ],
      message: expect.stringMatching(/^You cannot apply for Term 02 .*: Mentees must be 18 or older when the term starts\.$/),
    });
    const term = await findTermBySlug(t.context.database.db, OPEN);
    if (!term || !ids.bob) throw new Error("fixture incomplete");
    expect(await loadEligibilityStatus(t.context.database.db, { termId: term.id, personId: ids.bob })).toMatchObject({ answered: true, eligible: false });
    expect((await answerAll(OPEN, bob, () => "yes")).json().verdict.eligible).toBe(true);
  });

  it("a missing answer, an answer the question does not take and a question of another term are refused, each naming its field, and nothing is kept", async () => {
    const before = await eligibilityOf(OPEN, bob);
    const [first, second, third] = before.questions;
    if (!first || !second || !third) throw new Error("three questions expected");
    const other = (await get(`/api/terms/${LATER}/eligibility`, bob)).json() as Eligibility;
    const refused = await put(
      `/api/terms/${OPEN}/eligibility`,
      {
        answers: [
          { questionId: first.id, answer: "no" },
          { questionId: second.id, answer: "perhaps" },
          { questionId: other.questions[0]?.id, answer: "yes" },
        ],
      },
      bob,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({
      code: "INVALID_INPUT",
      detail: "answers.1.answer: must be one of “yes”, “no” for “I have not been a mentee of this program before”.",
    });
    expect(refused.json().errors).toEqual([
      { field: "answers.1.answer", code: "invalid_value", detail: expect.stringContaining("must be one of") },
      { field: "answers.2.questionId", code: "unknown_question", detail: "is not one of this term's eligibility questions" },
      { field: "answers", code: "required", detail: "must answer “I can receive payments where I live”" },
    ]);
    const lineBreak = await put(`/api/terms/${OPEN}/eligibility`, { answers: [{ questionId: first.id, answer: "yes\nno" }] }, bob);
    expect(lineBreak.statusCode).toBe(400);
    expect(lineBreak.json().errors).toEqual([expect.objectContaining({ field: "answers.0.answer", code: "invalid_characters" })]);
    expect(await eligibilityOf(OPEN, bob)).toEqual(before);
  });

  it("answers cannot change once applications have closed, and a visitor is asked to sign in", async () => {
    const closed = await answerAll(CLOSED, bob, () => "yes");
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({
      code: "PHASE_CLOSED",
      detail: expect.stringMatching(/^Applications for Term 01 .* closed on .*\(.* UTC\)\. Your answers can no longer change\.$/),
    });
    expect((await eligibilityOf(CLOSED, bob)).canAnswer).toBe(false);
    expect((await get(`/api/terms/${OPEN}/eligibility`)).statusCode).toBe(401);
    expect((await put(`/api/terms/${OPEN}/eligibility`, { answers: [] })).statusCode).toBe(401);
  });

  it("nobody reads another person's answers: each caller sees only their own, and only a program admin can load an applicant's", async () => {
    const term = await findTermBySlug(t.context.database.db, OPEN);
    if (!term || !ids.ann) throw new Error("fixture incomplete");
    const fresh = await signUpAndVerify(t, { name: "Cy Curious", email: "cy@example.org", password: PASSWORD });
    expect(await eligibilityOf(OPEN, fresh)).toMatchObject({ answers: [], verdict: null, answeredAt: null });

    // The admins' application detail calls this with the actor the request was authenticated as.
    const actorOf = (personId: number, adminOf: number[]): SignedIn => ({
      kind: "person",
      personId,
      name: "someone",
      email: null,
      emailVerified: true,
      via: { type: "session", csrfToken: "", sessionHash: "" },
      adminOf: new Set(adminOf),
      maintainerOf: new Set(),
      mentorOf: new Set(),
      namedMentorOf: new Set(),
    });
    const forAdmin = await loadEligibilityAnswersForAdmin(t.context.database.db, {
      actor: actorOf(ids.admin ?? 0, [term.programId]),
      termId: term.id,
      personId: ids.ann,
    });
    expect(forAdmin).toMatchObject({ answers: [{ answer: "yes" }, { answer: "yes" }, { answer: "yes" }], verdict: { eligible: true } });
    await expect(
      loadEligibilityAnswersForAdmin(t.context.database.db, { actor: actorOf(ids.bob ?? 0, []), termId: term.id, personId: ids.ann }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an admin replaces the program's questions as an ordered list, audited before and after; a question that breaks a rule is refused naming its field", async () => {
    const questions = [
      { kind: "choice", prompt: "Where are you enrolled?", choices: ["A university", "A bootcamp", "Nowhere"] },
      { kind: "yes_no", prompt: "I am 18 or older", disqualifyingAnswers: ["no"], disqualifyingReason: "Mentees must be adults." },
      { kind: "text", prompt: "Which time zone do you work in?" },
    ];
    const saved = await put("/api/programs/demo/eligibility-questions", { questions }, admin);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (saved.json() as EligibilityQuestionsResponse).questions.map(({ kind, prompt, choices, disqualifyingAnswers, disqualifyingReason }) => ({
        kind,
        prompt,
        choices,
        disqualifyingAnswers,
        disqualifyingReason,
      })),
    ).toEqual([
      {
        kind: "choice",
        prompt: "Where are you enrolled?",
        choices: ["A university", "A bootcamp", "Nowhere"],
        disqualifyingAnswers: [],
        disqualifyingReason: null,
      },
      { kind: "yes_no", prompt: "I am 18 or older", choices: [], disqualifyingAnswers: ["no"], disqualifyingReason: "Mentees must be adults." },
      { kind: "text", prompt: "Which time zone do you work in?", choices: [], disqualifyingAnswers: [], disqualifyingReason: null },
    ]);
    const demo = await findProgramBySlug(t.context.database.db, "demo");
    if (!demo) throw new Error("fixture incomplete");
    const audit = (await listAuditEventsFor(t.context.database.db, "program", demo.id))
      .filter((event) => event.action === "eligibility.questions_updated")
      .at(-1);
    const changes = JSON.parse(audit?.changes ?? "{}");
    expect(changes.before.map((question: { prompt: string }) => question.prompt)).toContain("I can receive payments where I live");
    expect(changes.after.map((question: { prompt: string }) => question.prompt)).toEqual([
      "Where are you enrolled?",
      "I am 18 or older",
      "Which time zone do you work in?",
    ]);

    const refused = await put(
      "/api/programs/demo/eligibility-questions",
      {
        questions: [
          { kind: "choice", prompt: "Pick one", choices: ["Only"] },
          { kind: "yes_no", prompt: "I agree", disqualifyingAnswers: ["no"] },
          { kind: "text", prompt: "" },
        ],
      },
      admin,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "questions.2.prompt", detail: "must not be empty" })]));
    const ruleBreaks = await put(
      "/api/programs/demo/eligibility-questions",
      {
        questions: [
          { kind: "choice", prompt: "Pick one", choices: ["Only"] },
          { kind: "yes_no", prompt: "I agree", disqualifyingAnswers: ["no"] },
        ],
      },
      admin,
    );
    expect(ruleBreaks.json().errors).toEqual([
      { field: "questions.0.choices", code: "too_small", detail: "must offer at least two choices" },
      { field: "questions.1.disqualifyingReason", code: "required", detail: "must say why these answers disqualify; the applicant reads it" },
    ]);
    expect(((await get("/api/programs/demo/eligibility-questions", admin)).json() as EligibilityQuestionsResponse).questions).toHaveLength(3);
  });

  it("only the program's admins read or change its questions: a visitor gets 401, anyone else 403, an unknown program 404", async () => {
    for (const url of ["/api/programs/demo/eligibility-questions", `/api/terms/${OPEN}/eligibility-questions`]) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, ann)).statusCode, url).toBe(403);
      expect((await put(url, { questions: [] }, ann)).statusCode, url).toBe(403);
    }
    expect((await get("/api/programs/nowhere/eligibility-questions", admin)).statusCode).toBe(404);
    expect((await get("/api/terms/nowhere/eligibility-questions", admin)).statusCode).toBe(404);
  });

  it("a new term starts with the program's questions; until its applications open an admin may change anything, and answers to a changed question must be given again", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/programs/demo/terms",
      headers: asBrowser(admin),
      payload: {
        title: "Autumn 2026",
        timeZone: "UTC",
        lengthWeeks: 12,
        timeline: [{ kind: "applications", activity: "Applications", startsLocal: "2026-09-01T00:00", endsLocal: "2026-09-15T00:00" }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const slug = created.json().slug as string;
    const url = `/api/terms/${slug}/eligibility-questions`;
    const copy = (await get(url, admin)).json() as EligibilityQuestionsResponse;
    expect(copy.questions.map((question) => question.prompt)).toEqual(["Where are you enrolled?", "I am 18 or older", "Which time zone do you work in?"]);
    expect(copy.editable).toBe(true);
    // A draft is nobody's business but its admins'.
    expect((await get(`/api/terms/${slug}/eligibility`, ann)).statusCode).toBe(404);
    const [enrolled, adult, zone] = copy.questions;
    if (!enrolled || !adult || !zone) throw new Error("three questions expected");

    const reordered = await put(url, { questions: [{ ...zone }, { ...adult }, { kind: "yes_no", prompt: "I can work 30 hours a week" }] }, admin);
    expect(reordered.statusCode, reordered.body).toBe(200);
    const after = (reordered.json() as EligibilityQuestionsResponse).questions;
    expect(after.map((question) => [question.id === zone.id, question.id === adult.id, question.prompt])).toEqual([
      [true, false, "Which time zone do you work in?"],
      [false, true, "I am 18 or older"],
      [false, false, "I can work 30 hours a week"],
    ]);
    expect(await listAuditEventsFor(t.context.database.db, "term", (await findTermBySlug(t.context.database.db, slug))?.id ?? 0)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "eligibility.questions_updated" })]),
    );

    const foreign = await put(url, { questions: [{ ...after[0], id: 999_999 }] }, admin);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: "questions.0.id", code: "unknown_question" })]);
  });

  it("once a term's applications have opened only wording may change: a new question or a new disqualifying answer is refused saying why", async () => {
    const url = `/api/terms/${OPEN}/eligibility-questions`;
    const { questions } = (await get(url, admin)).json() as EligibilityQuestionsResponse;
    const [first, ...rest] = questions;
    if (!first) throw new Error("questions expected");

    const added = await put(url, { questions: [...questions, { kind: "yes_no", prompt: "I have a laptop" }] }, admin);
    expect(added.statusCode).toBe(409);
    expect(added.json()).toMatchObject({ code: "PHASE_CLOSED", detail: expect.stringContaining("applicants may have answered these questions already") });
    expect(added.json().errors).toEqual([{ field: "questions", code: "settled", detail: "must keep the same questions, each with its id, in the same order" }]);

    const stricter = await put(url, { questions: [{ ...first, kind: "choice", choices: ["yes", "no", "soon"] }, ...rest] }, admin);
    expect(stricter.statusCode).toBe(409);
    expect(stricter.json().errors.map((error: { field: string }) => error.field)).toEqual(["questions.0.kind", "questions.0.choices"]);

    expect((await answerAll(OPEN, bob, (prompt) => (prompt === first.prompt ? "no" : "yes"))).json().verdict.eligible).toBe(false);
    const typo = await put(
      url,
      { questions: [{ ...first, prompt: "I am 18 years or older", disqualifyingReason: "Mentees must be 18 or older." }, ...rest] },
      admin,
    );
    expect(typo.statusCode, typo.body).toBe(200);
    expect((typo.json() as EligibilityQuestionsResponse).questions[0]).toMatchObject({ id: first.id, prompt: "I am 18 years or older" });
    // The applicants' answers stay theirs: each verdict stands, a disqualification in the new words, stored as read.
    expect((await eligibilityOf(OPEN, ann)).verdict?.eligible).toBe(true);
    const disqualified = { questionId: first.id, prompt: "I am 18 years or older", answer: "no", reason: "Mentees must be 18 or older." };
    expect((await eligibilityOf(OPEN, bob)).verdict?.disqualifications).toEqual([disqualified]);
    const term = await findTermBySlug(t.context.database.db, OPEN);
    if (!term || !ids.bob) throw new Error("fixture incomplete");
    const stored = await t.context.database.db
      .selectFrom("eligibilityAnswers")
      .select("disqualifications")
      .where("termId", "=", term.id)
      .where("personId", "=", ids.bob)
      .executeTakeFirst();
    expect(JSON.parse(stored?.disqualifications ?? "[]")).toEqual([disqualified]);
  });

  it("a term that asks nothing finds everyone eligible without answers", async () => {
    const term = await findTermBySlug(t.context.database.db, LATER);
    if (!term || !ids.bob) throw new Error("fixture incomplete");
    expect((await put(`/api/terms/${LATER}/eligibility-questions`, { questions: [] }, admin)).statusCode).toBe(200);
    expect(await loadEligibilityStatus(t.context.database.db, { termId: term.id, personId: ids.bob })).toEqual({
      questions: 0,
      answered: true,
      eligible: true,
      disqualifications: [],
    });
  });
});
