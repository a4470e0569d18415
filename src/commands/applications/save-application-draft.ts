import { applicationsDeadline } from "../../domain/draft-reminders.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { ApplicationBody } from "../../schemas/application.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { inGroupCommit } from "../../storage/group-commit.ts";
import { findApplicationStateOf, insertApplication, lockApplicant, toApplicationRecord, updateApplication } from "../../storage/repos/application-repo.ts";
import type { ApplicationRecord, ApplicationRow } from "../../storage/schema.ts";
import { checkApplicationWindow, notAcceptingReason, requireApplicationTarget, requireEditable } from "./application-access.ts";
import { checkApplicationContent, renderCoverLetter } from "./application-content.ts";
import { scheduleDraftReminders } from "./draft-reminders.ts";

/** Options of saveApplicationDraft. */
export interface SaveApplicationDraftOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  projectSlug: string;
  body: ApplicationBody;
  /** When the request was received, which the window is judged by. */
  receivedAt: Date;
}

/**
 * Saves what the applicant typed (the form autosaves), while applications are open: the first
 * save creates a draft, a draft stays a draft, a submitted application stays submitted (edited,
 * so it must stay complete) and a withdrawn one becomes a draft again. Answers must fit the
 * project's questions; a draft may leave some out.
 */
export async function saveApplicationDraft(options: SaveApplicationDraftOptions): Promise<ApplicationRecord> {
  const { database, actor, body, receivedAt } = options;
  const target = await requireApplicationTarget(database.db, actor, options.projectSlug);
  const coverLetterHtml = await renderCoverLetter(database.db, { projectId: target.project.id, personId: actor.personId }, body.coverLetter);
  return inGroupCommit(database, async (db) => {
    await lockApplicant(db, actor.personId);
    const existing = await findApplicationStateOf(db, target.project.id, actor.personId);
    if (existing) requireEditable(existing.state, target.project.title);
    checkApplicationWindow(target, receivedAt);
    // A project withdrawn since takes nothing more; a full one still takes drafts, which wait for a place.
    if (target.project.state !== "accepted") throw new AppError("CONFLICT", notAcceptingReason(target, 0) ?? "");
    checkApplicationContent(body, target.questions, { complete: existing?.state === "submitted" });
    const content = { coverLetter: body.coverLetter, coverLetterHtml, answers: JSON.stringify(body.answers), links: JSON.stringify(body.links) };
    let row: ApplicationRow;
    if (!existing) {
      row = await insertApplication(
        db,
        { termId: target.term.id, projectId: target.project.id, personId: actor.personId },
        { ...content, state: "draft" },
        receivedAt,
      );
    } else if (existing.state === "withdrawn") {
      // Applying again: the withdrawn submission no longer counts for anything.
      row = await updateApplication(db, existing.id, { ...content, state: "draft", submittedAt: null, withdrawnAt: null }, receivedAt);
    } else {
      row = await updateApplication(db, existing.id, content, receivedAt);
    }
    const reminders = { termId: target.term.id, personId: actor.personId, deadline: applicationsDeadline(target.timeline), now: receivedAt };
    if (row.state === "draft") await scheduleDraftReminders(db, reminders);
    return toApplicationRecord(row, target);
  });
}
