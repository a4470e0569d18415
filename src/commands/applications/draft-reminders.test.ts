import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs } from "../../../test/helpers/actors.ts";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../test/helpers/draft-applications.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findJobByKey } from "../../storage/repos/scheduled-job-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import type { ProjectRow, TermRow } from "../../storage/schema.ts";
import { answerEligibilityQuestions } from "../eligibility/answer-eligibility-questions.ts";
import { cancelDraftReminders, draftReminderKey, scheduleDraftReminders } from "./draft-reminders.ts";
import { saveApplicationDraft } from "./save-application-draft.ts";
import { submitApplication } from "./submit-application.ts";

// Applications of the demo's term 02 close Sat 7 Mar 2026 at 17:00 PST; review starts 7 hours later.
const DEADLINE = new Date("2026-03-08T01:00:00.000Z");
const HOUR = 60 * 60_000;

describe.each(testDialects())("planning the reminders of unsubmitted drafts on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let term: TermRow;
  let projects: ProjectRow[];
  let people = 0;

  beforeAll(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    dispose = opened.dispose;
    await seedCatalogFixture(database);
    const found = await findTermBySlug(database.db, "2026-demo-term-02");
    if (!found) throw new Error("fixture incomplete");
    term = found;
    projects = await database.db.selectFrom("projects").selectAll().where("termId", "=", term.id).where("state", "=", "accepted").orderBy("title").execute();
  }, 120_000);
  afterAll(() => dispose());

  async function applicantWithDrafts(count: number, savedAt = FIXTURE_TODAY) {
    people += 1;
    const person = await insertApplicant(database.db, { name: `Applicant ${people}`, email: `planned-${people}@example.org`, at: FIXTURE_TODAY });
    const applications: number[] = [];
    for (const project of projects.slice(0, count)) {
      applications.push(await insertApplicationRow(database.db, { termId: term.id, projectId: project.id, personId: person.id, state: "draft", at: savedAt }));
    }
    await scheduleDraftReminders(database.db, { termId: term.id, personId: person.id, deadline: DEADLINE, now: savedAt });
    return { person, applications, key: (offset: "24h" | "1h") => draftReminderKey(term.id, person.id, offset) };
  }

  /** The person as the application commands see them, signed in by a session. */

  it("saving a draft plans a reminder a day and an hour before the deadline, but none whose instant has passed", async () => {
    const ann = await applicantWithDrafts(1);
    expect(await findJobByKey(database.db, ann.key("24h"))).toMatchObject({ state: "pending", dueAt: new Date(DEADLINE.getTime() - 24 * HOUR).toISOString() });
    expect(await findJobByKey(database.db, ann.key("1h"))).toMatchObject({ state: "pending", dueAt: new Date(DEADLINE.getTime() - HOUR).toISOString() });

    const late = await applicantWithDrafts(1, new Date(DEADLINE.getTime() - 2 * HOUR));
    expect(await findJobByKey(database.db, late.key("24h"))).toBeUndefined();
    expect(await findJobByKey(database.db, late.key("1h"))).toMatchObject({ state: "pending" });
  });

  it("saving a draft through the application form plans its reminders; editing a submitted application plans none", async () => {
    const person = await insertApplicant(database.db, { name: "Dee Drafter", email: "dee@example.org", at: FIXTURE_TODAY });
    const actor = signedInAs(person);
    const body = { coverLetter: "I would like to help.", answers: [], links: [] };
    const [first, second] = projects;
    if (!first || !second) throw new Error("fixture incomplete");
    const saved = await saveApplicationDraft({ database, actor, projectSlug: first.slug, body, receivedAt: FIXTURE_TODAY });
    expect(saved.state).toBe("draft");
    const key = (offset: "24h" | "1h") => draftReminderKey(term.id, person.id, offset);
    expect(await findJobByKey(database.db, key("24h"))).toMatchObject({ state: "pending", dueAt: new Date(DEADLINE.getTime() - 24 * HOUR).toISOString() });
    expect(await findJobByKey(database.db, key("1h"))).toMatchObject({ state: "pending", dueAt: new Date(DEADLINE.getTime() - HOUR).toISOString() });

    const other = await insertApplicant(database.db, { name: "Eli Editor", email: "eli@example.org", at: FIXTURE_TODAY });
    await insertApplicationRow(database.db, { termId: term.id, projectId: second.id, personId: other.id, state: "submitted", at: FIXTURE_TODAY });
    const editor = signedInAs(other);
    const edited = await saveApplicationDraft({ database, actor: editor, projectSlug: second.slug, body, receivedAt: FIXTURE_TODAY });
    expect(edited.state).toBe("submitted");
    expect(await findJobByKey(database.db, draftReminderKey(term.id, other.id, "24h"))).toBeUndefined();
  });

  it("submitting cancels the reminders once no draft is left in the term", async () => {
    const ben = await insertApplicant(database.db, { name: "Ben Submitter", email: "ben@example.org", at: FIXTURE_TODAY });
    const actor = signedInAs(ben);
    const questions = await database.db.selectFrom("termEligibilityQuestions").select("id").where("termId", "=", term.id).execute();
    const answers = questions.map((question) => ({ questionId: question.id, answer: "yes" }));
    await answerEligibilityQuestions({ database, actor, termSlug: term.slug, body: { answers }, now: FIXTURE_TODAY });
    const body = { coverLetter: "I would like to help.", answers: [], links: [] };
    const [first, second] = projects;
    if (!first || !second) throw new Error("fixture incomplete");
    for (const project of [first, second]) await saveApplicationDraft({ database, actor, projectSlug: project.slug, body, receivedAt: FIXTURE_TODAY });
    const key = (offset: "24h" | "1h") => draftReminderKey(term.id, ben.id, offset);
    const submit = (projectSlug: string, idempotencyKey: string) =>
      submitApplication({ database, actor, projectSlug, body, idempotencyKey, receivedAt: FIXTURE_TODAY, baseUrl: "https://cohort.example" });

    expect((await submit(first.slug, "submit-first-draft")).record.state).toBe("submitted");
    expect(await findJobByKey(database.db, key("24h"))).toMatchObject({ state: "pending" });
    expect(await findJobByKey(database.db, key("1h"))).toMatchObject({ state: "pending" });

    expect((await submit(second.slug, "submit-second-draft")).record.state).toBe("submitted");
    expect(await findJobByKey(database.db, key("24h"))).toBeUndefined();
    expect(await findJobByKey(database.db, key("1h"))).toBeUndefined();

    // Cancelling again finds nothing to cancel.
    await cancelDraftReminders(database.db, { termId: term.id, personId: ben.id });
    expect(await findJobByKey(database.db, key("24h"))).toBeUndefined();
  });
});
