import { AppError } from "../../errors/app-error.ts";
import { type Actor, isSignedIn } from "../../policies/actor.ts";
import { canSeeTerm, canSetUpTerm } from "../../policies/term-policy.ts";
import type { AuditActor } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findProgramById, findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import type { ProgramRow, TermRow, TimelinePhaseRow } from "../../storage/schema.ts";
import { requireProgramAdminIn } from "../programs/require-program-admin.ts";

// What the term setup commands share: who may set a term up (its program's admins, or the
// system itself when `cohort term create` runs on the server's machine) and the term as its
// editor reads it.

/** The system acting without a person, such as `cohort term create`; it is recorded by its label. */
export interface SystemActor {
  kind: "system";
  label: string;
}

/** Who sets a term up: a caller of the API, or the system. */
export type TermSetupActor = Actor | SystemActor;

/** A term as its admins edit it: the row, its program and its timeline rows in written order. */
export interface TermSetupData {
  term: TermRow;
  program: ProgramRow;
  timeline: TimelinePhaseRow[];
}

/** How the audit log names the actor. */
export function auditActorOf(actor: TermSetupActor): AuditActor {
  if (actor.kind === "system") return { personId: null, label: actor.label };
  if (isSignedIn(actor)) return { personId: actor.personId, label: actor.name };
  return { personId: null, label: "visitor" };
}

/** The program a new term goes into, once the actor is known to administer it (the system may). */
export async function requireProgramForNewTerm(db: Db, actor: TermSetupActor, programSlug: string): Promise<ProgramRow> {
  if (actor.kind !== "system") return requireProgramAdminIn(db, actor, programSlug);
  const program = await findProgramBySlug(db, programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${programSlug}".`);
  return program;
}

/**
 * The term and its program, once the actor is known to set it up. A draft does not exist for
 * anyone but its admins (NOT_FOUND); a published term is public, so a visitor is asked to sign
 * in (401) and anyone else is refused (403).
 */
export async function requireTermAdmin(db: Db, actor: TermSetupActor, termSlug: string): Promise<{ term: TermRow; program: ProgramRow }> {
  const term = await findTermBySlug(db, termSlug);
  if (!term || (actor.kind !== "system" && !canSeeTerm(actor, term))) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  const program = await findProgramById(db, term.programId);
  if (!program) throw new AppError("INTERNAL", `Term ${term.slug} has no program.`);
  if (actor.kind === "system") return { term, program };
  if (!isSignedIn(actor)) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!canSetUpTerm(actor, term)) throw new AppError("FORBIDDEN", `Only the admins of ${program.name} may set up its terms.`);
  return { term, program };
}

/** The term as its editor reads it, after a change inside the same transaction. */
export async function readTermSetup(db: Db, term: TermRow, program: ProgramRow): Promise<TermSetupData> {
  return { term, program, timeline: await listTimeline(db, term.id) };
}
