import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { setScore } from "../../storage/repos/review-repo.ts";
import type { ApplicationReviewData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readApplicationReview } from "./get-application-review.ts";
import { requireReviewWritable } from "./review-access.ts";

/** Sets the calling mentor's score of an application, 1–5, or takes it back (null), while review is open; audited. */
export async function scoreApplication(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  score: number | null;
  now: Date;
}): Promise<ApplicationReviewData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const target = await requireReviewWritable(db, actor, options.applicationId, now);
    await setScore(db, { applicationId: target.row.id, personId: actor.personId, score: options.score, at: now });
    await recordAuditEvent(db, {
      programId: target.row.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.scored",
      objectType: "application",
      objectId: target.row.id,
      changes: { score: options.score },
      at: now,
    });
    return readApplicationReview(db, actor, target);
  });
}
