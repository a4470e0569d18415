import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type AuditFilter, listAuditEvents } from "../../storage/repos/audit-repo.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** One page of the program's audit log (program admins only). */
export async function readAuditLog(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  filter: Omit<AuditFilter, "programId">;
  page: number;
  limit: number;
}) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listAuditEvents(
    options.database.db,
    { ...options.filter, programId: program.id },
    { limit: options.limit, offset: (options.page - 1) * options.limit },
  );
}
