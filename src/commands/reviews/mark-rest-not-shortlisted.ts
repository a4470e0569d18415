import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { listReviewApplications, setReviewMark } from "../../storage/repos/review-repo.ts";
import type { ReviewQueueData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readReviewQueue } from "./list-review-queue.ts";
import { requireReviewingMentor } from "./review-access.ts";

/**
 * Marks the project's undecided applications not shortlisted at once, by one of its mentors
 * while review is open. The request names the applications its preview showed, and each must
 * still be undecided: a co-mentor's mark in between is reported, never overwritten.
 */
export async function markRestNotShortlisted(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  projectSlug: string;
  applications: readonly number[];
  now: Date;
}): Promise<ReviewQueueData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const project = await requireReviewingMentor(db, actor, options.projectSlug, now);
    const undecided = new Set(
      (await listReviewApplications(db, project.id)).filter((item) => item.state === "submitted" && item.reviewMark === null).map((item) => item.id),
    );
    const errors = options.applications.flatMap((id, index) =>
      undecided.has(id) && options.applications.indexOf(id) === index
        ? []
        : [
            {
              field: `applications.${index}`,
              code: "not_undecided",
              detail: `Application ${id} is not an undecided application of "${project.title}" (any more); reload to see the queue as it is.`,
            },
          ],
    );
    if (errors.length > 0) throw new AppError("INVALID_INPUT", errors.map((error) => error.detail).join(" "), undefined, { errors });
    for (const id of options.applications) await setReviewMark(db, id, { mark: "not_shortlisted", shortlistRank: null, at: now });
    if (options.applications.length > 0) {
      await recordAuditEvent(db, {
        programId: project.programId,
        actor: { personId: actor.personId, label: actor.name },
        action: "project.rest_not_shortlisted",
        objectType: "project",
        objectId: project.id,
        changes: { applications: [...options.applications] },
        at: now,
      });
    }
    return readReviewQueue(db, actor, project, now);
  });
}
