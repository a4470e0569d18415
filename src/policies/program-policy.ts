import type { Actor } from "./actor.ts";
import { isSignedIn } from "./actor.ts";

/** True when the actor administers the program. */
export function isProgramAdmin(actor: Actor, programId: number): boolean {
  return isSignedIn(actor) && actor.adminOf.has(programId);
}

/** Program admins see the program's people, audit log and outbox. */
export function canManageProgram(actor: Actor, programId: number): boolean {
  return isProgramAdmin(actor, programId);
}
