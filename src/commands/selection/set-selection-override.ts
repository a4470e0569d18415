import type { SelectionOverrideKind } from "../../domain/review-marks.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findApplicationById } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findCurrentSelectionRun } from "../../storage/repos/selection-repo.ts";
import { setSelectionOverride as storeOverride } from "../../storage/repos/selection-view-repo.ts";
import type { SelectionViewData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { readSelection } from "./get-selection.ts";

/**
 * Pins a submitted application of the term into the next run of the solver, excludes it, or
 * clears either (null), by the program's admins until the selection is published; audited. The
 * next run honours it; whether the pins fit the slots is checked when it runs.
 */
export async function setSelectionOverride(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  applicationId: number;
  kind: SelectionOverrideKind | null;
  now: Date;
}): Promise<SelectionViewData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { term } = await requireTermAdmin(db, actor, options.termSlug);
    const application = await findApplicationById(db, options.applicationId);
    if (application?.termId !== term.id || application.state !== "submitted") {
      throw new AppError("NOT_FOUND", `There is no submitted application ${options.applicationId} in ${term.title}.`);
    }
    const current = await findCurrentSelectionRun(db, term.id);
    if (current?.state === "published")
      throw new AppError("CONFLICT", `The selection of ${term.title} is published; its pins and exclusions no longer change.`);
    await storeOverride(db, { termId: term.id, applicationId: application.id, kind: options.kind, personId: actor.personId, at: now });
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "selection.override_set",
      objectType: "application",
      objectId: application.id,
      changes: { kind: options.kind },
      at: now,
    });
    return readSelection(db, term);
  });
}
