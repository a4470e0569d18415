import { APPLICATION_STATE_LABELS } from "../../domain/application-states.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { inGroupCommit } from "../../storage/group-commit.ts";
import {
  countProjectApplicants,
  lockApplicant,
  lockProjectForApplications,
  toApplicationRecord,
  updateApplication,
} from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { moveTermRevision } from "../../storage/repos/term-repo.ts";
import type { ApplicationRecord } from "../../storage/schema.ts";
import { publicCountChanges, requireOwnApplication } from "./application-access.ts";

/** Options of withdrawApplication. */
export interface WithdrawApplicationOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  now: Date;
}

/**
 * Withdraws the caller's submitted application: it no longer counts towards the program's limit
 * nor the project's applicants, and the applicant may apply again while applications are open.
 * They may withdraw at any time before selection, also after applications close. Withdrawing
 * again changes nothing; a draft has nothing to withdraw, and an offered or decided one is
 * answered on its offer instead.
 */
export async function withdrawApplication(options: WithdrawApplicationOptions): Promise<ApplicationRecord> {
  const { actor, now } = options;
  return inGroupCommit(options.database, async (db) => {
    await lockApplicant(db, actor.personId);
    const record = await requireOwnApplication(db, actor, options.applicationId);
    if (record.state === "withdrawn") return record;
    if (record.state !== "submitted") {
      const why = record.state === "draft" ? "a draft, not submitted: there is nothing to withdraw" : `${APPLICATION_STATE_LABELS[record.state].toLowerCase()}`;
      throw new AppError("CONFLICT", `Your application to "${record.project.title}" is ${why}.`);
    }
    await lockProjectForApplications(db, record.projectId);
    const applicants = await countProjectApplicants(db, record.projectId);
    const row = await updateApplication(db, record.id, { state: "withdrawn", withdrawnAt: now.toISOString() }, now);
    await recordAuditEvent(db, {
      programId: record.term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.withdrawn",
      objectType: "application",
      objectId: record.id,
      changes: { project: record.project.slug, from: record.state },
      at: now,
    });
    if (publicCountChanges(applicants, applicants - 1, record.project.applicationCap)) await moveTermRevision(db, record.termId);
    return toApplicationRecord(row, record);
  });
}
