import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { isSignedIn } from "../../policies/actor.ts";
import { canManageProgram } from "../../policies/program-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";

// What only a program's admins may read or change: its people and roles, invitations, audit log,
// outbox and settings. Programs are public, so a signed-in person who is not an admin gets FORBIDDEN (403)
// and a visitor UNAUTHENTICATED (401); an unknown program is NOT_FOUND for everyone.

/** The program, once the actor is known to administer it. */
export function requireProgramAdmin(database: DatabaseHandle, actor: Actor, programSlug: string): Promise<ProgramRow> {
  return requireProgramAdminIn(database.db, actor, programSlug);
}

/** The program read inside the caller's transaction, once the actor is known to administer it: for a command that then writes. */
export async function requireProgramAdminIn(db: Db, actor: Actor, programSlug: string): Promise<ProgramRow> {
  const program = await findProgramBySlug(db, programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${programSlug}".`);
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!canManageProgram(actor, program.id)) throw new AppError("FORBIDDEN", `Only the admins of ${program.name} may see or change this.`);
  return program;
}
