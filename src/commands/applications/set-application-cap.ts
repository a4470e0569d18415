import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { updateProject } from "../../storage/repos/project-repo.ts";
import { moveTermRevision } from "../../storage/repos/term-repo.ts";
import type { BoardProjectData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { requireBoardProject, withCountsAndTimeline } from "./board-project-access.ts";

/** Options of setApplicationCap. */
export interface SetApplicationCapOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  projectSlug: string;
  /** No new applications once this many are submitted; null for no cap. */
  applicationCap: number | null;
  now: Date;
}

/**
 * Sets a project's soft cap (its confirmed mentors and its program's admins), audited, and moves
 * the term's revision on so the catalog says at once whether the project takes new applications.
 * A cap below the count closes the project to new submissions and removes none; a request that
 * changes nothing writes nothing.
 */
export async function setApplicationCap(options: SetApplicationCapOptions): Promise<BoardProjectData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const project = await requireBoardProject(db, actor, options.projectSlug);
    const { values, audit } = changedFields(project, { applicationCap: options.applicationCap });
    if (values.applicationCap === undefined) return withCountsAndTimeline(db, project);
    await updateProject(db, project.id, { applicationCap: options.applicationCap }, now);
    await moveTermRevision(db, project.termId);
    await recordAuditEvent(db, {
      programId: project.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "project.application_cap_set",
      objectType: "project",
      objectId: project.id,
      changes: audit,
      at: now,
    });
    return withCountsAndTimeline(db, { ...project, applicationCap: options.applicationCap });
  });
}
