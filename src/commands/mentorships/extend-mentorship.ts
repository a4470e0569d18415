import { EXTENSION_WEEKS } from "../../domain/mentorship-dates.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canManageMentorship } from "../../policies/mentorship-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findMentorship, setMentorshipExtension } from "../../storage/repos/mentorship-repo.ts";
import type { MentorshipData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { planEvaluationReminders } from "./evaluation-reminders.ts";
import { mentorshipTimelineOf, readMentorship, requireVisibleMentorship } from "./get-mentorship.ts";

/**
 * Extends an active mentorship by 1–5 weeks with a reason, by the program's admins: every date
 * of its timeline after the first grant moves by the weeks (changing the weeks later keeps that
 * first instant, so the same dates move). Audited with the weeks before and after.
 */
export async function extendMentorship(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  weeks: number;
  reason: string;
  now: Date;
}): Promise<MentorshipData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (!canManageMentorship(actor, mentorship)) throw new AppError("FORBIDDEN", "Only the program's admins extend a mentorship.");
    if (mentorship.state !== "active") throw new AppError("CONFLICT", `This mentorship is ${mentorship.state}; only an active one is extended.`);
    if (!Number.isInteger(options.weeks) || options.weeks < EXTENSION_WEEKS.min || options.weeks > EXTENSION_WEEKS.max) {
      throw new AppError("INVALID_INPUT", `An extension is ${EXTENSION_WEEKS.min} to ${EXTENSION_WEEKS.max} weeks.`, undefined, {
        errors: [{ field: "weeks", code: "out_of_range", detail: `must be ${EXTENSION_WEEKS.min} to ${EXTENSION_WEEKS.max} weeks` }],
      });
    }
    const extendedAt = mentorship.extendedAt ?? now.toISOString();
    await setMentorshipExtension(db, mentorship.id, { weeks: options.weeks, extendedAt, reason: options.reason, at: now });
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "mentorship.extended",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { weeks: { before: mentorship.extensionWeeks, after: options.weeks }, reason: options.reason, from: extendedAt },
      at: now,
    });
    const updated = await findMentorship(db, mentorship.id);
    if (!updated) throw new Error("the mentorship vanished inside its transaction");
    if (updated.begunAt)
      await planEvaluationReminders(db, { mentorshipId: updated.id, timeline: await mentorshipTimelineOf(db, updated), now, cancelPassed: true });
    return readMentorship(db, actor, updated, now);
  });
}
