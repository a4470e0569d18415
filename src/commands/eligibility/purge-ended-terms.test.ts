import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { insertAccount } from "../../storage/repos/account-repo.ts";
import { saveEligibilityAnswers } from "../../storage/repos/eligibility-repo.ts";
import { insertProgram } from "../../storage/repos/program-repo.ts";
import { insertTerm, replaceTimeline } from "../../storage/repos/term-repo.ts";
import { ELIGIBILITY_RETENTION_DAYS, purgeEndedTermsEligibility } from "./purge-ended-terms.ts";

const AT = new Date("2026-06-01T00:00:00.000Z");
const ENDS = new Date("2026-09-01T00:00:00.000Z");
const DAY_MS = 24 * 60 * 60_000;

describe.each(testDialects())("purging eligibility answers after the term on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    dispose = opened.dispose;
  }, 120_000);
  afterAll(() => dispose());

  it("keeps a term's answers until 30 days after its last day, then deletes them with an audit event; a term without an end keeps them", async () => {
    const db = database.db;
    const program = await insertProgram(db, { slug: "purge", name: "Purge", timeZone: "UTC", at: AT });
    const ended = await insertTerm(db, program.id, "ended", { title: "Ended", timeZone: "UTC" }, AT);
    const undated = await insertTerm(db, program.id, "undated", { title: "Undated", timeZone: "UTC" }, AT);
    await replaceTimeline(db, ended.id, [{ kind: "end", activity: "Last day of term", text: "", startsAt: ENDS.toISOString(), endsAt: ENDS.toISOString() }]);
    const person = await insertAccount(db, { name: "Ada", email: "ada@example.org", passwordHash: null, emailVerifiedAt: null, at: AT });
    for (const term of [ended, undated]) {
      await saveEligibilityAnswers(db, { termId: term.id, personId: person.id, answers: { 1: "yes" }, eligible: true, disqualifications: [], at: AT });
    }
    const count = async () => (await db.selectFrom("eligibilityAnswers").select("termId").orderBy("termId").execute()).map((row) => row.termId);
    const retention = ENDS.getTime() + ELIGIBILITY_RETENTION_DAYS * DAY_MS;

    expect(await purgeEndedTermsEligibility(db, new Date(retention - 1))).toEqual({ terms: 0, answers: 0 });
    expect(await count()).toEqual([ended.id, undated.id]);
    expect(await purgeEndedTermsEligibility(db, new Date(retention))).toEqual({ terms: 1, answers: 1 });
    expect(await count()).toEqual([undated.id]);
    const audit = await db.selectFrom("auditEvents").select(["action", "objectId", "changes"]).where("action", "=", "eligibility.answers_purged").execute();
    expect(audit.map((event) => [String(event.objectId), JSON.parse(event.changes).deleted])).toEqual([[String(ended.id), 1]]);
    expect(await purgeEndedTermsEligibility(db, new Date(retention + DAY_MS))).toEqual({ terms: 0, answers: 0 });
  });
});
