import type { ReviewMark } from "../../domain/review-marks.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { numberApplications } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findReviewTarget, listShortlist, setReviewMark } from "../../storage/repos/review-repo.ts";
import type { ApplicationReviewData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readApplicationReview } from "./get-application-review.ts";
import { requireReviewWritable } from "./review-access.ts";

/**
 * Marks an application shortlisted (last in the project's ranking), not shortlisted, or
 * undecided, by one of its project's mentors while review is open; taking it off the shortlist
 * closes the gap in the ranking. Audited; a mark that changes nothing writes nothing.
 */
export async function markApplication(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  mark: ReviewMark | null;
  now: Date;
}): Promise<ApplicationReviewData> {
  const { actor, now, mark } = options;
  return inTransaction(options.database, async (db) => {
    const target = await requireReviewWritable(db, actor, options.applicationId, now);
    const { row } = target;
    if (row.reviewMark === mark) return readApplicationReview(db, actor, target);
    const shortlist = (await listShortlist(db, row.projectId)).filter((id) => id !== row.id);
    await setReviewMark(db, row.id, { mark, shortlistRank: mark === "shortlisted" ? shortlist.length + 1 : null, at: now });
    if (row.reviewMark === "shortlisted") await numberApplications(db, "shortlistRank", shortlist);
    await recordAuditEvent(db, {
      programId: row.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.marked",
      objectType: "application",
      objectId: row.id,
      changes: { mark: [row.reviewMark, mark] },
      at: now,
    });
    const updated = await findReviewTarget(db, row.id);
    return readApplicationReview(db, actor, { ...target, row: updated ?? row });
  });
}
