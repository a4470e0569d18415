import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listInvitationsWithScope } from "../../storage/repos/invitation-repo.ts";
import type { InvitationWithScope } from "../../storage/schema.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** The program's invitations with their scope, inviter and email delivery, newest first (program admins only). */
export async function listInvitationsOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }): Promise<InvitationWithScope[]> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listInvitationsWithScope(options.database.db, program.id);
}
