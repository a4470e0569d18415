import { orderFieldErrors, strictOrderProblems } from "../../domain/strict-order.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { numberApplications } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { listShortlist } from "../../storage/repos/review-repo.ts";
import type { ReviewQueueData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readReviewQueue } from "./list-review-queue.ts";
import { requireReviewingMentor } from "./review-access.ts";

/**
 * Ranks a project's shortlist in a strict order, by one of its mentors while review is open:
 * the list must hold every shortlisted application once, and nothing else, so two mentors
 * ranking at once cannot lose an application between them (the second is told what changed).
 */
export async function rankShortlist(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  projectSlug: string;
  applications: readonly number[];
  now: Date;
}): Promise<ReviewQueueData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const project = await requireReviewingMentor(db, actor, options.projectSlug, now);
    const shortlisted = await listShortlist(db, project.id);
    const errors = orderFieldErrors(strictOrderProblems(options.applications, shortlisted), {
      outsideCode: "not_shortlisted",
      outside: (id) => `Application ${id} is not on the shortlist of "${project.title}"; shortlist it first.`,
      duplicate: (id) => `Application ${id} is ranked twice; give each one place.`,
      missing: (ids) =>
        `The shortlist also holds ${ids.map((id) => `application ${id}`).join(", ")}; rank every shortlisted application (reload to see the shortlist as it is).`,
    });
    if (errors.length > 0) throw new AppError("INVALID_INPUT", errors.map((error) => error.detail).join(" "), undefined, { errors });
    await numberApplications(db, "shortlistRank", options.applications);
    await recordAuditEvent(db, {
      programId: project.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "project.shortlist_ranked",
      objectType: "project",
      objectId: project.id,
      changes: { ranking: [...options.applications] },
      at: now,
    });
    return readReviewQueue(db, actor, project, now);
  });
}
