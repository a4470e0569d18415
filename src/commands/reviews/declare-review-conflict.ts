import { AppError } from "../../errors/app-error.ts";
import { reviewConflictDeclaredMessage } from "../../notifications/review-conflict-declared.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { mentorsProjectOf } from "../../policies/application-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { insertReviewConflict, setScore } from "../../storage/repos/review-repo.ts";
import { listProgramAdmins } from "../../storage/repos/role-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireReviewReadable } from "./review-access.ts";

/**
 * A mentor declares a conflict of interest with an application (a colleague, a relative): from
 * then on it is hidden from them (404), their score of it is taken back, and the program's admins
 * see the declaration on the application and in the project's queue, and each gets an email.
 * Audited; it cannot be undone by the mentor.
 */
export async function declareReviewConflict(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  now: Date;
  baseUrl: string;
}): Promise<void> {
  const { actor, now } = options;
  await inTransaction(options.database, async (db) => {
    const target = await requireReviewReadable(db, actor, options.applicationId);
    if (!mentorsProjectOf(actor, target.scope)) {
      throw new AppError("FORBIDDEN", `Only the mentors of "${target.row.projectTitle}" declare a conflict of interest with its applications.`);
    }
    await insertReviewConflict(db, { applicationId: target.row.id, personId: actor.personId, at: now });
    await setScore(db, { applicationId: target.row.id, personId: actor.personId, score: null, at: now });
    await recordAuditEvent(db, {
      programId: target.row.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.review_conflict_declared",
      objectType: "application",
      objectId: target.row.id,
      changes: { project: target.row.projectSlug },
      at: now,
    });
    for (const admin of await listProgramAdmins(db, target.row.programId)) {
      const message = reviewConflictDeclaredMessage({
        baseUrl: options.baseUrl,
        adminName: admin.name,
        mentorName: actor.name,
        projectTitle: target.row.projectTitle,
        applicationId: target.row.id,
      });
      await enqueueNotification(db, {
        // One email per admin and declaration: declaring again finds the same key and sends nothing.
        dedupeKey: `review-conflict:${target.row.id}:${actor.personId}:${admin.personId}`,
        recipientEmail: admin.email,
        recipientPersonId: admin.personId,
        programId: target.row.programId,
        subject: message.subject,
        text: message.text,
        html: message.html,
        at: now,
      });
    }
  });
}
