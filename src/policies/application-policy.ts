import type { ApplicationState } from "../domain/application-states.ts";
import { type Actor, canWrite, isSignedIn } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** What the application rules need to know of an application, already loaded. */
export interface ApplicationScope {
  personId: number;
  projectId: number;
  programId: number;
  state: ApplicationState;
}

/** True when the actor wrote the application. */
export function isApplicant(actor: Actor, application: Pick<ApplicationScope, "personId">): boolean {
  return isSignedIn(actor) && actor.personId === application.personId;
}

/** True when the actor is a confirmed mentor of the application's project. */
export function mentorsProjectOf(actor: Actor, application: Pick<ApplicationScope, "projectId">): boolean {
  return isSignedIn(actor) && actor.mentorOf.has(application.projectId);
}

/**
 * Who may read an application (WORKFLOW.md, "Who sees what"): its applicant; once submitted, the
 * confirmed mentors of its project and the program's admins. A draft is its applicant's alone.
 * Anyone else is told it does not exist (404): they may not know of it.
 */
export function canSeeApplication(actor: Actor, application: ApplicationScope): boolean {
  if (isApplicant(actor, application)) return true;
  if (application.state === "draft") return false;
  return mentorsProjectOf(actor, application) || isProgramAdmin(actor, application.programId);
}

/** Who may change an application (save, submit, withdraw): its applicant alone; not even the program's admins write one for them. */
export function canChangeApplication(actor: Actor, application: Pick<ApplicationScope, "personId">): boolean {
  return canWrite(actor) && isApplicant(actor, application);
}
