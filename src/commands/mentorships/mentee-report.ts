import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { MentorshipData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow } from "../terms/phase-window.ts";
import { mentorshipTimelineOf, readMentorship, requireActive, requireVisibleMentorship } from "./get-mentorship.ts";
import { settleMentorship } from "./settle-mentorship.ts";

/**
 * The mentee submits their final report (program feedback and the link to their blog post) in
 * the final evaluations' window, and may correct it there. With the final evaluation passed, it
 * completes the mentorship and releases the final installment.
 */
export async function submitMenteeReport(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  report: { feedback: string; blogUrl: string };
  now: Date;
  baseUrl: string;
}): Promise<MentorshipData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (actor.personId !== mentorship.personId) throw new AppError("FORBIDDEN", "Only the mentee submits their program feedback and blog post.");
    requireActive(mentorship, "the final report");
    const window = await checkPhaseWindow(db, actor, {
      programId: mentorship.programId,
      timeline: await mentorshipTimelineOf(db, mentorship),
      action: "submitFinalEvaluation",
      now,
    });
    await db
      .updateTable("mentorships")
      .set({ feedback: options.report.feedback, blogUrl: options.report.blogUrl, reportSubmittedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where("id", "=", mentorship.id)
      .execute();
    const author = { personId: actor.personId, label: actor.name };
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: author,
      action: "mentorship.report_submitted",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { blogUrl: { before: mentorship.blogUrl, after: options.report.blogUrl }, ...(window.override ? { windowOverride: window.override } : {}) },
      at: now,
    });
    return readMentorship(db, actor, await settleMentorship(db, mentorship.id, { actor: author, now, baseUrl: options.baseUrl }), now);
  });
}

/** The mentee chooses whether the term's public page lists them (name and project) as an alumnus once their mentorship is completed. */
export async function setAlumniListing(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  listed: boolean;
  now: Date;
}): Promise<MentorshipData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (actor.personId !== mentorship.personId) throw new AppError("FORBIDDEN", "Only the mentee chooses whether they are listed as an alumnus.");
    const listed = options.listed ? 1 : 0;
    if (mentorship.listedAsAlumni !== listed) {
      await db.updateTable("mentorships").set({ listedAsAlumni: listed, updatedAt: now.toISOString() }).where("id", "=", mentorship.id).execute();
      await recordAuditEvent(db, {
        programId: mentorship.programId,
        actor: { personId: actor.personId, label: actor.name },
        action: "mentorship.alumni_listing_changed",
        objectType: "mentorship",
        objectId: mentorship.id,
        changes: { listedAsAlumni: { before: mentorship.listedAsAlumni === 1, after: options.listed } },
        at: now,
      });
    }
    return readMentorship(db, actor, await requireVisibleMentorship(db, actor, mentorship.id), now);
  });
}
