import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { ApplicationRecord } from "../../storage/schema.ts";
import { requireVisibleApplication } from "./application-access.ts";

/**
 * An application for its applicant, and once submitted for the confirmed mentors of its project
 * and the program's admins; to anyone else it does not exist (404).
 */
export function getApplication(options: { database: DatabaseHandle; actor: Actor; applicationId: number }): Promise<ApplicationRecord> {
  return requireVisibleApplication(options.database.db, options.actor, options.applicationId);
}
