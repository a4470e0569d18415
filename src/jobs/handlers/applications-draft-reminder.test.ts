import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { CRASH_BASE_URL, runDyingJobProcess } from "../../../test/helpers/crash-during-job.ts";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow, setApplicationState } from "../../../test/helpers/draft-applications.ts";
import { DRAFT_REMINDER_KIND, draftReminderKey, scheduleDraftReminders } from "../../commands/applications/draft-reminders.ts";
import { updateTerm } from "../../commands/terms/update-term.ts";
import { type DatabaseHandle, openDatabase } from "../../storage/database.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { findJobByKey } from "../../storage/repos/scheduled-job-repo.ts";
import { findTermBySlug, listTimeline, replaceTimeline } from "../../storage/repos/term-repo.ts";
import type { ProjectRow, TermRow } from "../../storage/schema.ts";
import { createScheduler } from "../scheduler.ts";

// Applications of the demo's term 02 close Sat 7 Mar 2026 at 17:00 PST.
const DEADLINE = new Date("2026-03-08T01:00:00.000Z");
const HOUR = 60 * 60_000;
const LEASE_MS = 5 * 60_000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe.each(testDialects())("reminders of unsubmitted drafts on %s", (dialect) => {
  let url: string;
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let term: TermRow;
  let projects: ProjectRow[];
  let people = 0;

  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    url = target.url;
    database = await openDatabase(url);
    dispose = async () => {
      await database.close();
      await target.dispose();
    };
    await migrateToLatest(database.db);
    await seedCatalogFixture(database);
    const found = await findTermBySlug(database.db, "2026-demo-term-02");
    if (!found) throw new Error("fixture incomplete");
    term = found;
    projects = await database.db.selectFrom("projects").selectAll().where("termId", "=", term.id).where("state", "=", "accepted").orderBy("title").execute();
    if (projects.length < 2) throw new Error("fixture incomplete");
  }, 120_000);
  afterAll(() => dispose());

  function project(index: number): ProjectRow {
    const found = projects[index];
    if (!found) throw new Error("fixture incomplete");
    return found;
  }

  /** An applicant with a draft to each of the given projects and their reminders planned, as saving a draft leaves them. */
  async function applicantWithDrafts(projectIndexes: number[], { timeZone, savedAt = FIXTURE_TODAY }: { timeZone?: string; savedAt?: Date } = {}) {
    people += 1;
    const person = await insertApplicant(database.db, { name: `Applicant ${people}`, email: `applicant-${people}@example.org`, timeZone, at: FIXTURE_TODAY });
    const applications: number[] = [];
    for (const index of projectIndexes) {
      applications.push(
        await insertApplicationRow(database.db, { termId: term.id, projectId: project(index).id, personId: person.id, state: "draft", at: FIXTURE_TODAY }),
      );
    }
    await scheduleDraftReminders(database.db, { termId: term.id, personId: person.id, deadline: DEADLINE, now: savedAt });
    return { person, applications, key: (offset: "24h" | "1h") => draftReminderKey(term.id, person.id, offset) };
  }

  /** The admins move the applications deadline through the term's settings, as the setup page does. */
  async function moveDeadline(deadline: Date, now: Date) {
    const local = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(term.timeZone).toFormat("yyyy-MM-dd'T'HH:mm") : null);
    const rows = (await listTimeline(database.db, term.id)).map((row) => ({
      kind: row.kind,
      activity: row.activity,
      startsLocal: local(row.startsAt),
      endsLocal: local(row.kind === "applications" ? deadline.toISOString() : row.endsAt),
    }));
    const actor = { kind: "system" as const, label: "test" };
    await updateTerm({ database, actor, termSlug: term.slug, body: { timeline: rows }, baseUrl: "https://cohort.example", now });
  }

  const emailsTo = (personId: number) => database.db.selectFrom("outbox").selectAll().where("recipientPersonId", "=", personId).orderBy("id").execute();
  const schedulerAt = (clock: { now: Date }) => createScheduler({ database, log: quiet, now: () => clock.now, baseUrl: () => "https://cohort.example" });
  const at = (ms: number) => new Date(DEADLINE.getTime() - ms);

  it("sends one email a day before and one an hour before applications close, each once, however often the scheduler runs", async () => {
    const ann = await applicantWithDrafts([0]);
    expect(await findJobByKey(database.db, ann.key("24h"))).toMatchObject({ kind: DRAFT_REMINDER_KIND, state: "pending", dueAt: at(24 * HOUR).toISOString() });
    expect(await findJobByKey(database.db, ann.key("1h"))).toMatchObject({ kind: DRAFT_REMINDER_KIND, state: "pending", dueAt: at(HOUR).toISOString() });

    const clock = { now: at(24 * HOUR + 1) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    expect(await emailsTo(ann.person.id)).toEqual([]);

    clock.now = at(24 * HOUR);
    await scheduler.runDueJobs();
    await scheduler.runDueJobs();
    clock.now = at(12 * HOUR);
    await scheduler.runDueJobs();
    const [dayBefore, ...rest] = await emailsTo(ann.person.id);
    expect(rest).toEqual([]);
    expect(dayBefore).toMatchObject({ dedupeKey: ann.key("24h"), recipientEmail: ann.person.email, programId: term.programId });
    expect(dayBefore?.subject).toBe(`Not submitted yet: your application to "${project(0).title}"`);
    expect(dayBefore?.bodyText).toContain(
      `Your application to "${project(0).title}" (${term.title}) is not submitted yet — applications close in 24 hours, on Sat 7 Mar 2026 at 17:00 PST.`,
    );
    expect(dayBefore?.bodyText).toContain(`https://cohort.example/projects/${project(0).slug}/apply`);
    expect(dayBefore?.bodyHtml).toContain(`href="https://cohort.example/projects/${project(0).slug}/apply"`);

    clock.now = at(HOUR);
    await scheduler.runDueJobs();
    await scheduler.runDueJobs();
    clock.now = at(1);
    await scheduler.runDueJobs();
    await scheduler.stop();
    const emails = await emailsTo(ann.person.id);
    expect(emails.map((email) => email.dedupeKey)).toEqual([ann.key("24h"), ann.key("1h")]);
    expect(emails[1]?.bodyText).toContain("applications close in 1 hour, on Sat 7 Mar 2026 at 17:00 PST.");
    expect(await findJobByKey(database.db, ann.key("1h"))).toMatchObject({ state: "done", attempts: 1 });
  });

  it("lists every draft of the term in one email, the deadline in the applicant's zone and the term's", async () => {
    const ben = await applicantWithDrafts([0, 1], { timeZone: "Europe/Berlin" });
    const clock = { now: at(24 * HOUR) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    await scheduler.stop();
    const [email, ...rest] = await emailsTo(ben.person.id);
    expect(rest).toEqual([]);
    expect(email?.subject).toBe(`Not submitted yet: 2 of your applications to ${term.title}`);
    expect(email?.bodyText).toContain(
      "applications close in 24 hours, on Sun 8 Mar 2026 at 02:00 UTC+01:00 (Sat 7 Mar 2026 at 17:00 PST in the term's time zone):",
    );
    for (const index of [0, 1]) {
      expect(email?.bodyText).toContain(`"${project(index).title}": https://cohort.example/projects/${project(index).slug}/apply`);
    }
  });

  it("sends nothing for a draft submitted or withdrawn before the reminder's instant, even when its job was left planned", async () => {
    const cai = await applicantWithDrafts([0]);
    const dee = await applicantWithDrafts([1]);
    const [caiApplication] = cai.applications;
    const [deeApplication] = dee.applications;
    if (!caiApplication || !deeApplication) throw new Error("no application");
    await setApplicationState(database.db, caiApplication, "submitted", at(25 * HOUR));
    await setApplicationState(database.db, deeApplication, "withdrawn", at(25 * HOUR));

    const clock = { now: at(24 * HOUR) };
    const scheduler = schedulerAt(clock);
    await scheduler.runDueJobs();
    clock.now = at(HOUR);
    await scheduler.runDueJobs();
    await scheduler.stop();
    expect(await emailsTo(cai.person.id)).toEqual([]);
    expect(await emailsTo(dee.person.id)).toEqual([]);
    expect(await findJobByKey(database.db, cai.key("1h"))).toMatchObject({ state: "done" });
  });

  it("waits for the new instant when the deadline moved later and the job was not moved with it", async () => {
    const eve = await applicantWithDrafts([0]);
    const phases = await listTimeline(database.db, term.id);
    const later = new Date(DEADLINE.getTime() + 48 * HOUR);
    const moved = phases.map((phase) => (phase.kind === "applications" ? { ...phase, endsAt: later.toISOString() } : phase));
    await replaceTimeline(database.db, term.id, moved);
    try {
      const clock = { now: at(24 * HOUR) };
      const scheduler = schedulerAt(clock);
      await scheduler.runDueJobs();
      expect(await emailsTo(eve.person.id)).toEqual([]);
      const dueAt = new Date(later.getTime() - 24 * HOUR).toISOString();
      expect(await findJobByKey(database.db, eve.key("24h"))).toMatchObject({ state: "pending", dueAt });
      clock.now = new Date(dueAt);
      await scheduler.runDueJobs();
      await scheduler.stop();
      const emails = await emailsTo(eve.person.id);
      expect(emails.map((email) => email.dedupeKey)).toEqual([eve.key("24h")]);
      expect(emails[0]?.bodyText).toContain("applications close in 24 hours, on Mon 9 Mar 2026 at 18:00 PDT.");
    } finally {
      await replaceTimeline(database.db, term.id, phases);
    }
  });

  it("repeats nothing visible when the process dies after writing the email and before recording the job done", async () => {
    // Saved two hours before the deadline: only the hour-ahead reminder is planned, and the
    // earlier tests' jobs are done, so it is the one job due at its instant.
    const fay = await applicantWithDrafts([1], { savedAt: at(2 * HOUR) });
    expect(await findJobByKey(database.db, fay.key("24h"))).toBeUndefined();
    expect(await runDyingJobProcess(url, { kind: DRAFT_REMINDER_KIND, at: at(HOUR) })).toBe("SIGKILL");
    expect(await emailsTo(fay.person.id)).toEqual([]);
    expect(await findJobByKey(database.db, fay.key("1h"))).toMatchObject({ state: "running", attempts: 1 });

    const clock = { now: at(HOUR - 1) };
    const scheduler = createScheduler({ database, log: quiet, now: () => clock.now, baseUrl: () => CRASH_BASE_URL });
    // Within the dead worker's lease nobody takes the job over.
    expect(await scheduler.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.now = new Date(at(HOUR).getTime() + LEASE_MS + 1);
    expect(await scheduler.runDueJobs()).toMatchObject({ done: 1, failed: 0 });
    expect(await scheduler.runDueJobs()).toEqual({ done: 0, retried: 0, failed: 0 });
    await scheduler.stop();
    const emails = await emailsTo(fay.person.id);
    expect(emails.map((email) => email.dedupeKey)).toEqual([fay.key("1h")]);
    expect(emails[0]?.bodyText).toContain(`${CRASH_BASE_URL}/projects/${project(1).slug}/apply`);
    expect(await findJobByKey(database.db, fay.key("1h"))).toMatchObject({ state: "done", attempts: 2 });
  }, 60_000);

  // Last: it moves every pending reminder of the term, and puts them back.
  it("moving the deadline moves both reminders; one already sent is not sent again, one whose instant has passed is cancelled", async () => {
    const cai = await applicantWithDrafts([0]);
    const reminders = async () => (await emailsTo(cai.person.id)).map((email) => email.dedupeKey).filter((key) => key.startsWith(DRAFT_REMINDER_KIND));
    try {
      const later = new Date(DEADLINE.getTime() + 6 * HOUR);
      await moveDeadline(later, FIXTURE_TODAY);
      expect(await findJobByKey(database.db, cai.key("24h"))).toMatchObject({ state: "pending", dueAt: new Date(later.getTime() - 24 * HOUR).toISOString() });
      expect(await findJobByKey(database.db, cai.key("1h"))).toMatchObject({ state: "pending", dueAt: new Date(later.getTime() - HOUR).toISOString() });

      const clock = { now: new Date(later.getTime() - 24 * HOUR) };
      const scheduler = schedulerAt(clock);
      await scheduler.runDueJobs();
      expect(await reminders()).toEqual([cai.key("24h")]);

      // Back an hour: the day-ahead reminder was sent and stays sent; the hour-ahead one moves.
      clock.now = new Date(clock.now.getTime() + 60_000);
      const earlier = new Date(later.getTime() - HOUR);
      await moveDeadline(earlier, clock.now);
      expect(await findJobByKey(database.db, cai.key("24h"))).toMatchObject({ state: "done" });
      expect(await findJobByKey(database.db, cai.key("1h"))).toMatchObject({ state: "pending", dueAt: new Date(earlier.getTime() - HOUR).toISOString() });
      await scheduler.runDueJobs();
      expect(await reminders()).toEqual([cai.key("24h")]);

      // Half an hour from now: the hour-ahead reminder's instant has passed, so it is cancelled.
      await moveDeadline(new Date(clock.now.getTime() + 30 * 60_000), clock.now);
      expect(await findJobByKey(database.db, cai.key("1h"))).toBeUndefined();
      clock.now = new Date(clock.now.getTime() + 29 * 60_000);
      await scheduler.runDueJobs();
      await scheduler.stop();
      expect(await reminders()).toEqual([cai.key("24h")]);
    } finally {
      await moveDeadline(DEADLINE, FIXTURE_TODAY);
    }
  });
});
