import { termEndsAt } from "../../domain/timeline.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";

/** How long after a term's last day its eligibility answers are kept: time for the admins to settle disputes. */
export const ELIGIBILITY_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes the eligibility answers of every term whose last day ended more than
 * ELIGIBILITY_RETENTION_DAYS ago (WORKFLOW.md, "Who sees what": purged after the term), one
 * audit event per term with how many were deleted. A term without an end date keeps them.
 */
export async function purgeEndedTermsEligibility(db: Db, now: Date): Promise<{ terms: number; answers: number }> {
  const terms = await db
    .selectFrom("terms")
    .select(["terms.id", "terms.title", "terms.timeZone", "terms.programId"])
    .where((eb) => eb.exists(eb.selectFrom("eligibilityAnswers").select("eligibilityAnswers.termId").whereRef("eligibilityAnswers.termId", "=", "terms.id")))
    .execute();
  let purgedTerms = 0;
  let answers = 0;
  for (const term of terms) {
    const endsAt = termEndsAt(await loadTermTimeline(db, term));
    if (endsAt === null || now.getTime() < endsAt + ELIGIBILITY_RETENTION_DAYS * DAY_MS) continue;
    const result = await db.deleteFrom("eligibilityAnswers").where("termId", "=", term.id).executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    purgedTerms += 1;
    answers += deleted;
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: null, label: "Cohort" },
      action: "eligibility.answers_purged",
      objectType: "term",
      objectId: term.id,
      changes: { deleted, endedAt: new Date(endsAt).toISOString(), retentionDays: ELIGIBILITY_RETENTION_DAYS },
      at: now,
    });
  }
  return { terms: purgedTerms, answers };
}
