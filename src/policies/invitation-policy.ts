import type { Actor } from "./actor.ts";
import { isSignedIn } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** What an invitation would grant, with the scope objects already loaded. */
export type InvitationScope =
  | { role: "program_admin"; programId: number }
  | { role: "maintainer"; programId: number; organizationId: number }
  | { role: "mentor"; programId: number; organizationId: number; projectId: number };

/**
 * Who may invite whom: a program admin invites admins and maintainers of the program (and
 * mentors too); a maintainer invites mentors to the projects of their own organization.
 */
export function canInvite(actor: Actor, scope: InvitationScope): boolean {
  if (!isSignedIn(actor)) return false;
  if (isProgramAdmin(actor, scope.programId)) return true;
  return scope.role === "mentor" && actor.maintainerOf.has(scope.organizationId);
}
