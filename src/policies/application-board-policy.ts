import type { BoardProjectRow } from "../storage/schema.ts";
import { type Actor, isSignedIn } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** True when the actor is a confirmed mentor of the project. */
export function isConfirmedMentorOf(actor: Actor, project: Pick<BoardProjectRow, "id">): boolean {
  return isSignedIn(actor) && actor.mentorOf.has(project.id);
}

/**
 * A project's confirmed mentors and its program's admins read its applications and set its soft
 * cap (WORKFLOW.md, "Who sees what"); its maintainers and everyone else do not.
 */
export function canManageProjectApplications(actor: Actor, project: Pick<BoardProjectRow, "id" | "programId">): boolean {
  return isConfirmedMentorOf(actor, project) || isProgramAdmin(actor, project.programId);
}
