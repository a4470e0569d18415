import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser } from "../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { testDialects } from "../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../test/helpers/draft-applications.ts";
import { buildPermissionWorld, type Caller, type PermissionWorld } from "../../../test/permissions/callers.ts";
import { insertMentoredProject, insertRowsTerm } from "../../../test/permissions/rows-term.ts";
import { scheduleMentorshipWelcome } from "../../commands/mentorships/welcome.ts";
import type { MentorshipView } from "../../schemas/mentorship.ts";
import type { ProgramInstallmentsResponse, ProgramMentorshipsResponse } from "../../schemas/program-mentorships.ts";
import { insertMentorship } from "../../storage/repos/offer-repo.ts";
import { createScheduler } from "../scheduler.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

// One term runs from start to end on a clock the test moves: its mentorships begin by the start
// job, are evaluated, paid, ended and completed through the API, on both engines.
describe.each(testDialects())("a mentorship from start to stipend on %s", (dialect) => {
  let t: TestApp;
  let w: PermissionWorld;
  let origin = 0;
  const mentorships = { ada: 0, ben: 0, cy: 0, dee: 0 };
  const day = (days: number) => new Date(origin + days * DAY_MS);
  // The test's sessions would lapse as its clock jumps by weeks; they are not what it is about.
  const setNow = async (instant: Date) => {
    t.setNow(instant);
    await t.context.database.db
      .updateTable("sessions")
      .set({ expiresAt: new Date(instant.getTime() + 30 * DAY_MS).toISOString() })
      .execute();
  };
  const headersOf = (caller: Exclude<Caller, "visitor">) => asBrowser(w.sessions[caller]);
  const runJobs = () =>
    createScheduler({ database: t.context.database, log: quiet, now: () => t.context.now(), baseUrl: () => "https://cohort.example" }).runDueJobs();
  const read = async (caller: Exclude<Caller, "visitor">, id = mentorships.ada) =>
    (await t.app.inject({ method: "GET", url: `/api/mentorships/${id}`, headers: headersOf(caller) })).json() as MentorshipView;
  const evaluate = (id: number, payload: object) =>
    t.app.inject({ method: "POST", url: `/api/mentorships/${id}/evaluations`, headers: headersOf("mentorOfProject"), payload });
  const asAdmin = (method: "GET" | "POST" | "PUT", path: string, payload?: object) =>
    t.app.inject({ method, url: `/api/programs/${w.program}${path}`, headers: headersOf("programAdmin"), ...(payload ? { payload } : {}) });
  const emailsLike = async (prefix: string) =>
    await t.context.database.db
      .selectFrom("outbox")
      .select(["dedupeKey", "recipientEmail", "subject"])
      .where("dedupeKey", "like", `${prefix}%`)
      .orderBy("id")
      .execute();
  const pass = { kind: "midterm", outcome: "pass", toMentee: "Great start on the flow logs.", toAdmins: "Strong; keep them.", answers: ["The parser."] };

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    w = await buildPermissionWorld(t);
    origin = t.context.now().getTime();
    const { term, organizationId } = await insertRowsTerm(t, w, {
      slug: "progress-term",
      title: "Progress Term",
      phases: [
        { kind: "start", activity: "mentorship begins", fromDay: 1, toDay: 1 },
        { kind: "midterm", activity: "midterm evaluations", fromDay: 20, toDay: 25 },
        { kind: "final", activity: "final evaluations", fromDay: 60, toDay: 65 },
      ],
    });
    const project = await insertMentoredProject(t, w, { termId: term.id, organizationId, slug: "progress-project", title: "Flow logs" });
    const db = t.context.database.db;
    const at = t.context.now();
    // Ada's name would be a formula in a spreadsheet; she is paid at India's 60%.
    await db.updateTable("people").set({ name: "=Ada Mentee", country: "IN" }).where("id", "=", w.personIds.applicant).execute();
    const ben = await insertApplicant(db, { name: "Ben", email: "ben@example.org", at });
    const cy = await insertApplicant(db, { name: "Cy", email: "cy@example.org", at });
    const dee = await insertApplicant(db, { name: "Dee", email: "dee@example.org", at });
    for (const [key, personId] of [
      ["ada", w.personIds.applicant],
      ["ben", ben.id],
      ["cy", cy.id],
      ["dee", dee.id],
    ] as const) {
      const applicationId = await insertApplicationRow(db, { termId: term.id, projectId: project.id, personId, state: "accepted", at });
      mentorships[key] = await insertMentorship(db, { termId: term.id, projectId: project.id, personId, applicationId, at });
      await scheduleMentorshipWelcome(db, { mentorshipId: mentorships[key], startsAt: day(1), now: at });
    }
    expect(
      (
        await asAdmin("PUT", "/stipend-policy", {
          currency: "USD",
          baseAmount: 300_000,
          installments: [
            { percent: 50, releasedBy: "midterm" },
            { percent: 50, releasedBy: "final" },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect((await asAdmin("PUT", "/stipend-policy/countries", { csv: "country,percent\nIN,60\n" })).statusCode).toBe(200);
    expect((await asAdmin("PUT", "/evaluation-questions", { questions: ["What did they ship?"] })).statusCode).toBe(200);
  }, 180_000);
  afterAll(() => t.dispose());

  it("at its start it begins: installments by the mentee's country that sum to the total, read by the mentee and admins alone", async () => {
    await setNow(day(1));
    await runJobs();
    const ada = await read("applicant");
    expect(ada.installments?.map((item) => [item.releasedBy, item.amount, item.state])).toEqual([
      ["midterm", 90_000, "pending"],
      ["final", 90_000, "pending"],
    ]);
    expect(ada.installments?.[0]?.nextStep).toMatch(/^Released when the midterm evaluation passes \(due /);
    expect((await read("mentorOfProject")).installments).toBeNull();
    expect((await read("programAdmin")).installments).toHaveLength(2);
    const welcomes = await emailsLike(`mentorship.welcome:${mentorships.ada}:`);
    expect(welcomes).toHaveLength(2);
  });

  it("reminds the mentors 3 days and 1 day before the midterm is due, once each", async () => {
    const dueAt = day(25);
    await setNow(new Date(dueAt.getTime() - 3 * DAY_MS));
    await runJobs();
    await runJobs();
    await setNow(new Date(dueAt.getTime() - DAY_MS));
    await runJobs();
    const reminders = await emailsLike(`evaluations.reminder:${mentorships.ada}:midterm:`);
    expect(reminders.map((email) => email.dedupeKey.split(":")[3])).toEqual(["3d", "1d"]);
    expect(reminders.every((email) => email.recipientEmail === w.emails.mentorOfProject)).toBe(true);
  });

  it("opens the midterm evaluation to the millisecond of its window, and flags it to the admins once it closed unsubmitted", async () => {
    await setNow(new Date(day(20).getTime() - 1));
    const early = await evaluate(mentorships.ada, pass);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("PHASE_CLOSED");
    await setNow(day(25));
    expect((await evaluate(mentorships.ada, pass)).json().code).toBe("PHASE_CLOSED");
    const overview = (await asAdmin("GET", "/mentorships")).json() as ProgramMentorshipsResponse;
    expect(overview.overdue).toBe(4);
    expect(overview.items.find((item) => item.id === mentorships.ada)?.evaluations[0]).toMatchObject({
      kind: "midterm",
      overdue: true,
      missing: ["evaluation"],
    });
    await setNow(new Date(day(25).getTime() - 1));
  });

  it("refuses an evaluation from the mentee, without the program's answers, or twice", async () => {
    const byMentee = await t.app.inject({
      method: "POST",
      url: `/api/mentorships/${mentorships.ada}/evaluations`,
      headers: headersOf("applicant"),
      payload: pass,
    });
    expect(byMentee.statusCode).toBe(403);
    const unanswered = await evaluate(mentorships.ada, { ...pass, answers: [] });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().errors[0]).toMatchObject({ field: "answers.0" });
    expect((await evaluate(mentorships.ada, pass)).statusCode).toBe(200);
    const again = await evaluate(mentorships.ada, pass);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/^The midterm evaluation was already submitted on /);
  });

  it("a midterm pass makes the first installment due; the mentee reads the outcome and the comments to them, never those to the admins", async () => {
    const ada = await read("applicant");
    expect(ada.installments?.map((item) => item.state)).toEqual(["due", "pending"]);
    expect(ada.evaluations[0]?.submitted).toMatchObject({ outcome: "pass", toMentee: "Great start on the flow logs.", toAdmins: null, answers: null });
    expect((await read("mentorOfProject")).evaluations[0]?.submitted).toMatchObject({
      toAdmins: "Strong; keep them.",
      answers: [{ question: "What did they ship?", answer: "The parser." }],
    });
    const outcome = await emailsLike(`evaluation:${mentorships.ada}:midterm`);
    expect(outcome[0]?.subject).toBe('Your midterm evaluation on "Flow logs": passed');
  });

  it("a midterm fail ends the mentorship and withholds what is left", async () => {
    expect((await evaluate(mentorships.ben, { ...pass, outcome: "fail", toMentee: "Not enough progress." })).statusCode).toBe(200);
    const ben = await read("programAdmin", mentorships.ben);
    expect(ben.state).toBe("ended");
    expect(ben.ended?.reason).toBe("The midterm evaluation did not pass.");
    expect(ben.installments?.map((item) => [item.state, item.withheldReason])).toEqual([
      ["withheld", "the midterm evaluation did not pass"],
      ["withheld", "the midterm evaluation did not pass"],
    ]);
  });

  it("approving refuses a pending or withheld installment by name and moves none; the due one is approved", async () => {
    const list = (await asAdmin("GET", "/installments")).json() as ProgramInstallmentsResponse;
    const adaFirst = list.items.find((item) => item.mentorshipId === mentorships.ada && item.position === 1);
    const adaSecond = list.items.find((item) => item.mentorshipId === mentorships.ada && item.position === 2);
    const benFirst = list.items.find((item) => item.mentorshipId === mentorships.ben && item.position === 1);
    const refused = await asAdmin("POST", "/installments/approve", { ids: [adaFirst?.id, adaSecond?.id, benFirst?.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ["ids.1", "not_due"],
      ["ids.2", "evaluation_failed"],
    ]);
    expect((await read("applicant")).installments?.[0]?.state).toBe("due");
    const approved = await asAdmin("POST", "/installments/approve", { ids: [adaFirst?.id] });
    expect(approved.json()).toEqual({ moved: 1 });
    expect((await read("applicant")).installments?.[0]?.nextStep).toMatch(/^Approved on .*; it goes to finance in the next payment export\.$/);
  });

  it("the finance export holds each approved installment once, formula cells neutralized; exporting twice exports nothing new", async () => {
    const first = await asAdmin("POST", "/installments/export");
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^text\/csv/);
    expect(first.headers["x-exported-count"]).toBe("1");
    const lines = first.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("installment,mentee,email,country,term,project,installment_number,released_by,amount,currency,amount_minor_units,approved_at");
    expect(lines[1]).toContain(",'=Ada Mentee,");
    expect(lines[1]).toContain(",IN,Progress Term,Flow logs,1,midterm,900.00,USD,90000,");
    const second = await asAdmin("POST", "/installments/export");
    expect(second.headers["x-exported-count"]).toBe("0");
    expect(second.body.trimEnd().split("\r\n")).toHaveLength(1);
    expect((await read("applicant")).installments?.[0]?.nextStep).toMatch(/paid within 10 business days of export \(by /);
  });

  it("a payment file with a bad line is refused whole by its line; a good one marks the installment paid with its reference", async () => {
    const id = (await read("applicant")).installments?.[0]?.id;
    const bad = await asAdmin("POST", "/installments/payments/import", { csv: `installment,reference\n${id},PAY-1\nabc,PAY-2\n` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: "csv.line.3", code: "invalid_line", detail: "Line 3: “abc” is not an installment number (the export's first column)." },
    ]);
    expect((await read("applicant")).installments?.[0]?.state).toBe("exported");
    const good = await asAdmin("POST", "/installments/payments/import", { csv: `installment,reference\n${id},PAY-1\n` });
    expect(good.json()).toEqual({ moved: 1 });
    const ledger = (await read("applicant")).installments?.[0];
    expect(ledger?.history.map((move) => move.state)).toEqual(["pending", "due", "approved", "exported", "paid"]);
    expect(ledger?.nextStep).toMatch(/^Paid on .*, reference PAY-1\.$/);
    const again = await asAdmin("POST", "/installments/payments", { payments: [{ installment: id, reference: "PAY-9" }] });
    expect(again.statusCode).toBe(409);
    const emails = await emailsLike(`installment:${id}:`);
    expect(emails.map((email) => email.dedupeKey.split(":")[2])).toEqual(["due", "approved", "exported", "paid"]);
    expect(emails.every((email) => email.recipientEmail === w.emails.applicant)).toBe(true);
  });

  it("an admin ends a mentorship paying its pending installments pro rata: the share of the period served", async () => {
    await setNow(day(43));
    const ended = await t.app.inject({
      method: "POST",
      url: `/api/mentorships/${mentorships.cy}/end`,
      headers: headersOf("programAdmin"),
      payload: { reason: "Took a full-time job.", remaining: "pro_rata" },
    });
    expect(ended.statusCode).toBe(200);
    const cy = ended.json() as MentorshipView;
    expect(cy.state).toBe("ended");
    // The midterm's period is day 1 to day 25 (24 days), all served; the final's day 25 to day 65 (40 days), 18 served.
    expect(cy.installments?.map((item) => [item.state, item.amount, item.fullAmount])).toEqual([
      ["due", 150_000, 150_000],
      ["due", 67_500, 150_000],
    ]);
    const withheld = await t.app.inject({
      method: "POST",
      url: `/api/mentorships/${mentorships.dee}/end`,
      headers: headersOf("programAdmin"),
      payload: { reason: "Stopped answering.", remaining: "withheld" },
    });
    expect((withheld.json() as MentorshipView).installments?.map((item) => [item.state, item.withheldReason])).toEqual([
      ["withheld", "the mentorship ended: Stopped answering."],
      ["withheld", "the mentorship ended: Stopped answering."],
    ]);
    const told = await emailsLike(`mentorship.ended:${mentorships.dee}:`);
    expect(told).toHaveLength(2);
    const twice = await t.app.inject({
      method: "POST",
      url: `/api/mentorships/${mentorships.cy}/end`,
      headers: headersOf("programAdmin"),
      payload: { reason: "Again.", remaining: "withheld" },
    });
    expect(twice.statusCode).toBe(409);
  });

  it("the final waits for all three: the final pass, the mentee's feedback and blog post; then it is completed and the last installment due", async () => {
    await setNow(day(62));
    expect((await evaluate(mentorships.ada, { ...pass, kind: "final" })).statusCode).toBe(200);
    expect((await read("applicant")).state).toBe("active");
    expect((await read("applicant")).installments?.[1]?.state).toBe("pending");
    const report = (payload: object, caller: Exclude<Caller, "visitor"> = "applicant") =>
      t.app.inject({ method: "PUT", url: `/api/mentorships/${mentorships.ada}/report`, headers: headersOf(caller), payload });
    const badLink = await report({ feedback: "Loved it.", blogUrl: "javascript:alert(1)" });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().errors[0]).toMatchObject({ field: "blogUrl" });
    expect((await report({ feedback: "Loved it.", blogUrl: "https://blog.example.org/lfx" }, "mentorOfProject")).statusCode).toBe(403);
    const done = await report({ feedback: "Loved it.", blogUrl: "https://blog.example.org/lfx" });
    expect(done.statusCode).toBe(200);
    const ada = done.json() as MentorshipView;
    expect(ada.state).toBe("completed");
    expect(ada.installments?.map((item) => item.state)).toEqual(["paid", "due"]);
    expect((await read("mentorOfProject")).report).toMatchObject({ feedback: null, blogUrl: "https://blog.example.org/lfx" });
  });

  it("a completed mentee who opts in is listed as an alumnus on the term's public page, by name and project alone", async () => {
    const alumni = async () => (await t.app.inject({ method: "GET", url: "/api/terms/progress-term/alumni" })).json().items;
    expect(await alumni()).toEqual([]);
    const optIn = await t.app.inject({
      method: "PUT",
      url: `/api/mentorships/${mentorships.ada}/alumni`,
      headers: headersOf("applicant"),
      payload: { listed: true },
    });
    expect(optIn.json().listedAsAlumni).toBe(true);
    expect(await alumni()).toEqual([{ name: "=Ada Mentee", project: "Flow logs", projectSlug: "progress-project", organization: expect.any(String) }]);
  });
});
