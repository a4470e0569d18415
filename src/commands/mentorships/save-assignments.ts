import { AppError } from "../../errors/app-error.ts";
import { renderMarkdown } from "../../markdown/render-markdown.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { MentorshipData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { readMentorship, requireActive, requireVisibleMentorship } from "./get-mentorship.ts";

/** The project's mentors write (and rewrite) the mentee's initial work assignments, in Markdown, while the mentorship is active. */
export async function saveAssignments(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  mentorshipId: number;
  markdown: string;
  now: Date;
}): Promise<MentorshipData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const mentorship = await requireVisibleMentorship(db, actor, options.mentorshipId);
    if (!actor.mentorOf.has(mentorship.projectId)) throw new AppError("FORBIDDEN", "Only the project's mentors write the initial work assignments.");
    requireActive(mentorship, "work assignments");
    await db
      .updateTable("mentorships")
      .set({
        assignments: options.markdown,
        assignmentsHtml: renderMarkdown(options.markdown),
        assignmentsUpdatedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .where("id", "=", mentorship.id)
      .execute();
    await recordAuditEvent(db, {
      programId: mentorship.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "mentorship.assignments_updated",
      objectType: "mentorship",
      objectId: mentorship.id,
      changes: { length: { before: mentorship.assignments?.length ?? 0, after: options.markdown.length } },
      at: now,
    });
    return readMentorship(db, actor, await requireVisibleMentorship(db, actor, mentorship.id), now);
  });
}
