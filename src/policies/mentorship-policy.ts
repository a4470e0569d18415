import type { Actor } from "./actor.ts";
import { isSignedIn } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** What deciding access to a mentorship needs: its mentee, its project and its program. */
export interface MentorshipScope {
  personId: number;
  projectId: number;
  programId: number;
}

/** The mentee, the project's confirmed mentors and the program's admins see a mentorship; to anyone else it does not exist. */
export function canSeeMentorship(actor: Actor, mentorship: MentorshipScope): boolean {
  if (!isSignedIn(actor)) return false;
  return actor.personId === mentorship.personId || actor.mentorOf.has(mentorship.projectId) || isProgramAdmin(actor, mentorship.programId);
}

/** Only the program's admins extend or end a mentorship. */
export function canManageMentorship(actor: Actor, mentorship: MentorshipScope): boolean {
  return isProgramAdmin(actor, mentorship.programId);
}
