import { type Actor, isSignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import { canReview } from "../../policies/review-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { countSubmittedApplicationsOf, listNotes, listScores } from "../../storage/repos/review-repo.ts";
import type { ApplicationReviewData } from "../../storage/schema.ts";
import { type ReviewTarget, requireReviewReadable } from "./review-access.ts";

/**
 * What the project's mentors and the program's admins decided about an application: each
 * mentor's score, the notes, the mark and place in the shortlist, and how many other
 * applications its applicant submitted (not to which projects). The mentors who declared a
 * conflict of interest are named to admins alone.
 */
export async function getApplicationReview(options: { database: DatabaseHandle; actor: Actor; applicationId: number }): Promise<ApplicationReviewData> {
  const db = options.database.db;
  return readApplicationReview(db, options.actor, await requireReviewReadable(db, options.actor, options.applicationId));
}

/** The review of an application already known to be readable by the actor, as it stands (also after a change). */
export async function readApplicationReview(db: Db, actor: Actor, target: ReviewTarget): Promise<ApplicationReviewData> {
  const { row } = target;
  const [scores, notes, submitted] = await Promise.all([
    listScores(db, { applicationId: row.id }),
    listNotes(db, row.id),
    countSubmittedApplicationsOf(db, row.termId, [row.personId]),
  ]);
  const admin = isProgramAdmin(actor, row.programId);
  return {
    row,
    scores,
    notes,
    conflicts: admin ? target.conflicts : [],
    otherApplications: Math.max(0, (submitted.get(row.personId) ?? 1) - 1),
    viewerId: isSignedIn(actor) ? actor.personId : 0,
    canReview: canReview(actor, target.scope),
  };
}
