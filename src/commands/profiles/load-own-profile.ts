import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { listRolesOf } from "../../storage/repos/role-repo.ts";
import type { PersonRow, RolesOfPerson } from "../../storage/schema.ts";

/** The signed-in person's own record, with their roles and the names of their scopes. */
export async function loadOwnProfile(options: { database: DatabaseHandle; actor: SignedIn }): Promise<{ person: PersonRow; roles: RolesOfPerson }> {
  const person = await findPersonById(options.database.db, options.actor.personId);
  if (!person) throw new AppError("UNAUTHENTICATED", "Your account no longer exists; sign in again.");
  const roles = await listRolesOf(options.database.db, person.id);
  return { person, roles };
}
