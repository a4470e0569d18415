import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { requireVisibleApplication } from "./application-access.ts";

/**
 * The profile of an application's applicant, for whoever may read the application (the
 * applicant, once submitted its project's confirmed mentors and the program's admins); to anyone
 * else the application does not exist (404).
 */
export async function getApplicantProfile(options: { database: DatabaseHandle; actor: Actor; applicationId: number }): Promise<PersonRow> {
  const db = options.database.db;
  const record = await requireVisibleApplication(db, options.actor, options.applicationId);
  const person = await findPersonById(db, record.personId);
  if (!person) throw new AppError("INTERNAL", `Application ${record.id} has no applicant.`);
  return person;
}
