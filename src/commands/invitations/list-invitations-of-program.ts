import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listInvitations } from "../../storage/repos/invitation-repo.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** The program's invitations, newest first (program admins only). */
export async function listInvitationsOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listInvitations(options.database.db, program.id);
}
