import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs } from "../../../test/helpers/actors.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { runDyingJobProcess } from "../../../test/helpers/crash-during-job.ts";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../test/helpers/draft-applications.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../../../test/helpers/smtp-server.ts";
import { answerOffer } from "../../commands/offers/answer-offer.ts";
import { loadOfferTerm, offerLapseKey } from "../../commands/offers/offer-effects.ts";
import { outcomeEmailKey, SELECTION_NOTICES_KIND, selectionNoticesKey } from "../../commands/selection/outcome-notices.ts";
import { previewNotice, previewNotices } from "../../commands/selection/preview-notices.ts";
import { publishSelection } from "../../commands/selection/publish-selection.ts";
import { runSelection } from "../../commands/selection/run-selection.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { type DatabaseHandle, openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { findJobByKey } from "../../storage/repos/scheduled-job-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import type { ProjectRow, TermRow } from "../../storage/schema.ts";
import { createMailer } from "../mailer.ts";
import { createOutboxWorker } from "../outbox-worker.ts";
import { createScheduler } from "../scheduler.ts";

const BASE_URL = "https://cohort.example";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEASE_MS = 5 * MINUTE;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe.each(testDialects())("outcome notices, offers and the waitlist on %s", (dialect) => {
  let url: string;
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let smtp: TestSmtpServer;
  let term: TermRow;
  let alpha: ProjectRow;
  let beta: ProjectRow;
  let admin: SignedIn;
  let noticesAt: Date;
  let startsAt: Date;
  const people = new Map<string, { id: number; actor: SignedIn }>();
  /** Application ids by "applicant→project", e.g. "ada→alpha". */
  const applications = new Map<string, number>();
  const id = (key: string) => applications.get(key) as number;
  const person = (name: string) => people.get(name) as { id: number; actor: SignedIn };

  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    url = target.url;
    database = await openDatabase(url);
    smtp = await startTestSmtpServer();
    dispose = async () => {
      await database.close();
      await target.dispose();
      await smtp.close();
    };
    await migrateToLatest(database.db);
    await seedCatalogFixture(database);
    term = (await findTermBySlug(database.db, "2026-demo-term-02")) as TermRow;
    const projects = await database.db.selectFrom("projects").selectAll().where("termId", "=", term.id).where("state", "=", "accepted").orderBy("id").execute();
    [alpha, beta] = projects as [ProjectRow, ProjectRow];
    await database.db.updateTable("projects").set({ slots: 0 }).where("termId", "=", term.id).execute();
    await database.db.updateTable("projects").set({ slots: 1 }).where("id", "in", [alpha.id, beta.id]).execute();
    const instants = await loadOfferTerm(database.db, term.id);
    noticesAt = instants.noticesAt as Date;
    startsAt = instants.startsAt as Date;

    const boss = await insertApplicant(database.db, { name: "Ida Admin", email: "ida@example.org", at: FIXTURE_TODAY });
    admin = signedInAs(boss, { adminOf: [term.programId] });
    for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve"]) {
      const row = await insertApplicant(database.db, {
        name,
        email: `${name.toLowerCase()}@example.org`,
        timeZone: name === "Ada" ? "Europe/Berlin" : undefined,
        at: FIXTURE_TODAY,
      });
      people.set(name, { id: row.id, actor: signedInAs(row) });
    }
    let minute = 0;
    const apply = async (name: string, project: ProjectRow) => {
      minute += 1;
      const at = new Date(FIXTURE_TODAY.getTime() + minute * MINUTE);
      const application = await insertApplicationRow(database.db, {
        termId: term.id,
        projectId: project.id,
        personId: person(name).id,
        state: "submitted",
        at,
      });
      applications.set(`${name.toLowerCase()}→${project === alpha ? "alpha" : "beta"}`, application);
    };
    // Ada puts Alpha first; Dee applied to both, Eve to Beta alone.
    await apply("Ada", alpha);
    await apply("Ada", beta);
    await apply("Ben", beta);
    await apply("Cy", alpha);
    await apply("Dee", alpha);
    await apply("Dee", beta);
    await apply("Eve", beta);
    const shortlist = async (key: string, place: number) => {
      await database.db.updateTable("applications").set({ reviewMark: "shortlisted", shortlistRank: place }).where("id", "=", id(key)).execute();
    };
    // Alpha ranks Ada, Cy, Dee; Beta ranks Ada, Ben, Eve. Nobody ranked Dee at Beta.
    await shortlist("ada→alpha", 1);
    await shortlist("cy→alpha", 2);
    await shortlist("dee→alpha", 3);
    await shortlist("ada→beta", 1);
    await shortlist("ben→beta", 2);
    await shortlist("eve→beta", 3);
  }, 120_000);
  afterAll(() => dispose());

  const stateOf = async (key: string) =>
    (await database.db.selectFrom("applications").select("state").where("id", "=", id(key)).executeTakeFirstOrThrow()).state;
  const emailsTo = (name: string) =>
    database.db.selectFrom("outbox").select(["dedupeKey", "subject", "bodyText"]).where("recipientPersonId", "=", person(name).id).orderBy("id").execute();
  const schedulerAt = (clock: { now: Date }, on = database) => createScheduler({ database: on, log: quiet, now: () => clock.now, baseUrl: () => BASE_URL });

  it("publishes the run the admin reviewed, once, and plans the notices for the notifications instant", async () => {
    const first = await runSelection({ database, actor: admin, termSlug: term.slug, now: FIXTURE_TODAY });
    const second = await runSelection({ database, actor: admin, termSlug: term.slug, now: FIXTURE_TODAY });
    await expect(publishSelection({ database, actor: admin, termSlug: term.slug, runId: first.runId, now: FIXTURE_TODAY })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`Run ${first.runId} is not the latest proposal`),
      errors: [expect.objectContaining({ field: "run" })],
    });
    const mentee = person("Ada").actor;
    await expect(publishSelection({ database, actor: mentee, termSlug: term.slug, runId: second.runId, now: FIXTURE_TODAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const view = await publishSelection({ database, actor: admin, termSlug: term.slug, runId: second.runId, now: FIXTURE_TODAY });
    expect(view.run).toMatchObject({ id: second.runId, state: "published", noticesSentAt: null });
    expect(await findJobByKey(database.db, selectionNoticesKey(term.id))).toMatchObject({
      kind: SELECTION_NOTICES_KIND,
      state: "pending",
      dueAt: noticesAt.toISOString(),
    });
    await expect(publishSelection({ database, actor: admin, termSlug: term.slug, runId: second.runId, now: FIXTURE_TODAY })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/was published on .*; it is published once\.$/),
    });
    await expect(runSelection({ database, actor: admin, termSlug: term.slug, now: FIXTURE_TODAY })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changes nothing before the notifications instant, while the dry run shows every message that will go out", async () => {
    const clock = { now: new Date(noticesAt.getTime() - 1) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    await scheduler.stop();
    for (const key of applications.keys()) expect(await stateOf(key)).toBe("submitted");
    expect(await database.db.selectFrom("outbox").select("id").where("dedupeKey", "like", "selection.outcome:%").execute()).toEqual([]);

    const preview = await previewNotices({ database, actor: admin, termSlug: term.slug, now: clock.now, baseUrl: BASE_URL });
    expect(preview.at).toEqual(noticesAt);
    expect(preview.plan.notices.map((notice) => [notice.name, notice.kind])).toEqual([
      ["Ada", "offer"],
      ["Ben", "offer"],
      ["Cy", "not_selected"],
      ["Dee", "not_selected"],
      ["Eve", "not_selected"],
    ]);
    const { notice } = await previewNotice({ database, actor: admin, termSlug: term.slug, now: clock.now, baseUrl: BASE_URL, personId: person("Ada").id });
    expect(notice.write().subject).toBe(`Offer: a mentorship on "${alpha.title}" in ${term.title}`);
    expect(notice.write().text).toContain("Please accept or decline by");
    expect(notice.write().text).toContain("in the term's time zone");
    const eve = await previewNotice({ database, actor: admin, termSlug: term.slug, now: clock.now, baseUrl: BASE_URL, personId: person("Eve").id });
    expect(eve.notice.write().text).toContain(`could not offer you a place`);
    await expect(previewNotices({ database, actor: person("Eve").actor, termSlug: term.slug, now: clock.now, baseUrl: BASE_URL })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a process killed while writing the notices leaves nothing; at the instant, with two processes running, each applicant gets exactly one email", async () => {
    expect(await runDyingJobProcess(url, { kind: SELECTION_NOTICES_KIND, at: noticesAt })).toBe("SIGKILL");
    for (const key of applications.keys()) expect(await stateOf(key)).toBe("submitted");
    expect(await database.db.selectFrom("outbox").select("id").where("dedupeKey", "like", "selection.outcome:%").execute()).toEqual([]);

    // Once the dead process's lease runs out, two server processes run their schedulers at once.
    const other = await openDatabase(url);
    const clock = { now: new Date(noticesAt.getTime() + LEASE_MS + MINUTE) };
    const [one, two] = [schedulerAt(clock), schedulerAt(clock, other)];
    const results = await Promise.all([one.runDueJobs(), two.runDueJobs(), one.runDueJobs(), two.runDueJobs()]);
    await Promise.all([one.stop(), two.stop()]);
    await other.close();
    expect(results.reduce((sum, result) => sum + result.done, 0)).toBe(1);

    expect(await stateOf("ada→alpha")).toBe("offered");
    expect(await stateOf("ben→beta")).toBe("offered");
    for (const key of ["ada→beta", "cy→alpha", "dee→alpha", "dee→beta", "eve→beta"]) expect(await stateOf(key)).toBe("not_selected");
    const lapse = await findJobByKey(database.db, offerLapseKey(id("ada→alpha")));
    expect(lapse).toMatchObject({ state: "pending", dueAt: new Date(clock.now.getTime() + 72 * HOUR).toISOString() });

    // Delivered over SMTP: one message per applicant, the same as the dry run said.
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Cohort <no-reply@cohort.test>" });
    const worker = createOutboxWorker({ database, mailer, log: quiet, now: () => clock.now });
    while ((await worker.drainOnce()).sent > 0) {}
    await worker.stop();
    const received = smtp.received;
    expect(received.map((email) => email.to).sort()).toEqual(["ada", "ben", "cy", "dee", "eve"].map((name) => [`${name}@example.org`]));
    for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve"]) {
      expect((await emailsTo(name)).map((email) => email.dedupeKey)).toEqual([outcomeEmailKey(term.id, person(name).id)]);
    }
    expect(received.find((email) => email.to[0] === "ada@example.org")?.text).toContain(`Congratulations! The mentors of "${alpha.title}"`);
    expect(received.find((email) => email.to[0] === "eve@example.org")?.text).toContain("could not offer you a place");
  });

  it("declining frees the slot, and the next ranked applicant without a mentorship gets an offer by email at once", async () => {
    const at = new Date(noticesAt.getTime() + 2 * HOUR);
    await answerOffer({ database, actor: person("Ada").actor, applicationId: id("ada→alpha"), answer: "decline", now: at, baseUrl: BASE_URL });
    expect(await stateOf("ada→alpha")).toBe("declined");
    expect(await findJobByKey(database.db, offerLapseKey(id("ada→alpha")))).toBeUndefined();
    // Ada is Beta's first too, but Beta's slot is Ben's offer; Alpha's next is Cy.
    expect(await stateOf("cy→alpha")).toBe("offered");
    const [, waitlist] = await emailsTo("Cy");
    expect(waitlist?.subject).toBe(`Offer: a mentorship on "${alpha.title}" in ${term.title}`);
    expect(waitlist?.bodyText).toContain("a place opened up");
    await expect(
      answerOffer({ database, actor: person("Ada").actor, applicationId: id("ada→alpha"), answer: "accept", now: at, baseUrl: BASE_URL }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`The offer on "${alpha.title}" was declined on`) });
    await expect(
      answerOffer({ database, actor: person("Dee").actor, applicationId: id("cy→alpha"), answer: "accept", now: at, baseUrl: BASE_URL }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  const deadlineOf = async (key: string) =>
    new Date((await database.db.selectFrom("applications").select("respondBy").where("id", "=", id(key)).executeTakeFirstOrThrow()).respondBy as string);

  it("an offer left unanswered lapses at its deadline, its applicant is told, and the slot goes down the ranking", async () => {
    // Ben's offer (made with the notices) lapses first: Beta's first-ranked, Ada, now holds no offer and gets it.
    const benScheduler = schedulerAt({ now: await deadlineOf("ben→beta") });
    await benScheduler.runDueJobs();
    await benScheduler.stop();
    expect(await stateOf("ben→beta")).toBe("lapsed");
    expect(await stateOf("ada→beta")).toBe("offered");
    expect(await stateOf("eve→beta")).toBe("not_selected");

    const deadline = await deadlineOf("cy→alpha");
    await expect(
      answerOffer({ database, actor: person("Cy").actor, applicationId: id("cy→alpha"), answer: "accept", now: deadline, baseUrl: BASE_URL }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("lapsed on") });

    const clock = { now: new Date(deadline.getTime() - 1) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    expect(await stateOf("cy→alpha")).toBe("offered");
    clock.now = deadline;
    await scheduler.runDueJobs();
    await scheduler.stop();
    expect(await stateOf("cy→alpha")).toBe("lapsed");
    expect((await emailsTo("Cy")).map((email) => email.subject)).toContain(`Your offer on "${alpha.title}" lapsed`);
    expect(await stateOf("dee→alpha")).toBe("offered");
    expect((await emailsTo("Dee")).at(-1)?.bodyText).toContain("a place opened up");
  });

  it("accepting creates the mentorship and withdraws the applicant's other applications; a second acceptance is refused", async () => {
    const at = new Date(noticesAt.getTime() + 80 * HOUR);
    await answerOffer({ database, actor: person("Dee").actor, applicationId: id("dee→alpha"), answer: "accept", now: at, baseUrl: BASE_URL });
    expect(await stateOf("dee→alpha")).toBe("accepted");
    expect(await stateOf("dee→beta")).toBe("withdrawn");
    const mentorships = await database.db.selectFrom("mentorships").select(["projectId", "personId", "state"]).where("termId", "=", term.id).execute();
    expect(mentorships).toEqual([{ projectId: alpha.id, personId: person("Dee").id, state: "active" }]);
    expect((await emailsTo("Dee")).at(-1)?.subject).toBe(`Welcome to "${alpha.title}"`);
    // Her mentorship's welcome waits for the start of the term's mentorships, or goes at once once they began.
    const [mentorship] = await database.db.selectFrom("mentorships").select("id").where("personId", "=", person("Dee").id).execute();
    const welcomeAt = new Date(Math.max(startsAt.getTime(), at.getTime()));
    expect(await findJobByKey(database.db, `mentorship.welcome:${mentorship?.id}`)).toMatchObject({ state: "pending", dueAt: welcomeAt.toISOString() });
    await expect(
      answerOffer({ database, actor: person("Dee").actor, applicationId: id("dee→alpha"), answer: "accept", now: at, baseUrl: BASE_URL }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("was accepted on") });
  });

  it("from the start of the mentorship on, a lapsed offer's slot is offered to nobody", async () => {
    const deadline = await deadlineOf("ada→beta");
    const clock = { now: new Date(Math.max(startsAt.getTime(), deadline.getTime())) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    await scheduler.stop();
    // Ada's offer lapses once the mentorship has begun: Beta's next, Eve, gets no offer.
    expect(await stateOf("ada→beta")).toBe("lapsed");
    expect(await stateOf("eve→beta")).toBe("not_selected");
    expect((await emailsTo("Eve")).length).toBe(1);
    // The mentorship began: Dee is welcomed, once.
    expect((await emailsTo("Dee")).filter((email) => email.subject === `Your mentorship on "${alpha.title}" begins`)).toHaveLength(1);
  });
});
