import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type AuditFilter, listAuditEvents, resolveAuditNames } from "../../storage/repos/audit-repo.ts";
import type { AuditEventRow, AuditNames } from "../../storage/schema.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** One page of a program's audit log, how many events match, and what their ids stand for today. */
export interface AuditLogPage {
  items: AuditEventRow[];
  total: number;
  names: AuditNames;
}

/**
 * One page of the program's audit log (program admins only). People and objects are named as
 * they are now, looked up when the log is read: a renamed project shows its new title, and an
 * entry never holds a copy of a person's details that a later change to their profile would
 * leave behind. The actor's label as recorded stays beside it, for the system and for people who are gone.
 */
export async function readAuditLog(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  filter: Omit<AuditFilter, "programId">;
  page: number;
  limit: number;
}): Promise<AuditLogPage> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  const db = options.database.db;
  const { items, total } = await listAuditEvents(
    db,
    { ...options.filter, programId: program.id },
    { limit: options.limit, offset: (options.page - 1) * options.limit },
  );
  return { items, total, names: await resolveAuditNames(db, items) };
}
