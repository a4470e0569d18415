import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { isSignedIn } from "../../policies/actor.ts";
import { canManageProgram } from "../../policies/program-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";

// What only a program's admins may read: its people and roles, invitations, audit log and
// outbox. Programs are public, so a signed-in person who is not an admin gets FORBIDDEN (403)
// and a visitor UNAUTHENTICATED (401); an unknown program is NOT_FOUND for everyone.

/** The program, once the actor is known to administer it. */
export async function requireProgramAdmin(database: DatabaseHandle, actor: Actor, programSlug: string): Promise<ProgramRow> {
  const program = await findProgramBySlug(database.db, programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${programSlug}".`);
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!canManageProgram(actor, program.id)) throw new AppError("FORBIDDEN", `Only the admins of ${program.name} may see this.`);
  return program;
}
