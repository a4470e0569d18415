import type { SignedIn } from "../../policies/actor.ts";
import type { ProgramSettingsBody } from "../../schemas/program-settings.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { moveTermsOfProgramOn, updateProgramSettings as updateSettingsRow } from "../../storage/repos/program-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { requireProgramAdminIn } from "./require-program-admin.ts";

/** Options of updateProgramSettings. */
export interface UpdateProgramSettingsOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  /** The settings to change; left-out ones stay, null clears a limit. */
  changes: ProgramSettingsBody;
  now: Date;
}

/**
 * Changes a program's settings (its admins only) in one transaction with its audit event, which
 * holds each changed setting before and after. A request that changes nothing writes nothing.
 */
export async function updateProgramSettings(options: UpdateProgramSettingsOptions): Promise<ProgramRow> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const { values, audit } = changedFields(program, options.changes);
    if (Object.keys(values).length === 0) return program;
    const updated = await updateSettingsRow(db, program.id, values, now);
    // Term pages and catalogs show the program's name; a term made from now on starts in its zone.
    if (values.name !== undefined || values.timeZone !== undefined) await moveTermsOfProgramOn(db, program.id);
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "program.settings_updated",
      objectType: "program",
      objectId: program.id,
      changes: audit,
      at: now,
    });
    return updated;
  });
}
