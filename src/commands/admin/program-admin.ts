import type { OutboxState } from "../../domain/outbox-states.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { isSignedIn } from "../../policies/actor.ts";
import { canManageProgram } from "../../policies/program-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type AuditFilter, listAuditEvents } from "../../storage/repos/audit-repo.ts";
import { listInvitations } from "../../storage/repos/invitation-repo.ts";
import { listOutbox } from "../../storage/repos/outbox-repo.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { listProgramPeople } from "../../storage/repos/role-repo.ts";
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

/** The program's people: admins, maintainers and mentors with their scopes. */
export async function listPeopleOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listProgramPeople(options.database.db, program.id);
}

/** The program's invitations, newest first. */
export async function listInvitationsOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listInvitations(options.database.db, program.id);
}

/** One page of the program's audit log. */
export async function readAuditLog(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  filter: Omit<AuditFilter, "programId">;
  page: number;
  limit: number;
}) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listAuditEvents(
    options.database.db,
    { ...options.filter, programId: program.id },
    { limit: options.limit, offset: (options.page - 1) * options.limit },
  );
}

/** One page of the messages about the program, with their delivery state. */
export async function readProgramOutbox(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  state?: OutboxState | undefined;
  page: number;
  limit: number;
}) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listOutbox(options.database.db, {
    programId: program.id,
    limit: options.limit,
    offset: (options.page - 1) * options.limit,
    ...(options.state ? { state: options.state } : {}),
  });
}
