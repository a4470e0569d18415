import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canWriteReviewNote } from "../../policies/review-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { insertNote } from "../../storage/repos/review-repo.ts";
import type { ApplicationReviewData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readApplicationReview } from "./get-application-review.ts";
import { checkReviewWindow, requireInReview, requireReviewReadable } from "./review-access.ts";

/**
 * Adds a private note to an application, for its project's mentors and the program's admins: by
 * any of them, while it is in review and the review window is open (admins at any time, audited
 * as an override). Its applicant never reads it.
 */
export async function addReviewNote(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  body: string;
  now: Date;
}): Promise<ApplicationReviewData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const target = await requireReviewReadable(db, actor, options.applicationId);
    if (!canWriteReviewNote(actor, target.scope)) throw new AppError("FORBIDDEN", "Notes are written with a session or a token that may write.");
    requireInReview(target.row);
    const window = await checkReviewWindow(db, actor, target.row, now);
    const noteId = await insertNote(db, { applicationId: target.row.id, personId: actor.personId, body: options.body, at: now });
    await recordAuditEvent(db, {
      programId: target.row.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.noted",
      objectType: "application",
      objectId: target.row.id,
      changes: { note: noteId, ...(window.override ? { override: window.override } : {}) },
      at: now,
    });
    return readApplicationReview(db, actor, target);
  });
}
