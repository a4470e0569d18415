import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listProgramPeople } from "../../storage/repos/role-repo.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** The program's people: admins, maintainers and mentors with their scopes (program admins only). */
export async function listPeopleOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listProgramPeople(options.database.db, program.id);
}
