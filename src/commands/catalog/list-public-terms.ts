import { sortTermsNewestFirst } from "../../domain/current-term.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { countAcceptedProjectsByTerm, listTermsOfProgram } from "../../storage/repos/term-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { type TermWithTimeline, withTimelines } from "./term-timelines.ts";

/**
 * A program's terms, newest first, with their timelines and accepted project counts; NOT_FOUND
 * naming the slug. Drafts are listed only for the program's admins.
 */
export async function listPublicTerms(
  database: DatabaseHandle,
  programSlug: string,
  actor: Actor,
): Promise<{ program: ProgramRow; terms: Array<TermWithTimeline & { projectCount: number }> }> {
  const program = await findProgramBySlug(database.db, programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${programSlug}".`);
  const rows = (await listTermsOfProgram(database.db, program.id)).filter((term) => canSeeTerm(actor, term));
  const [terms, counts] = await Promise.all([
    withTimelines(database.db, rows),
    countAcceptedProjectsByTerm(
      database.db,
      rows.map((term) => term.id),
    ),
  ]);
  return { program, terms: sortTermsNewestFirst(terms).map((found) => ({ ...found, projectCount: counts.get(found.term.id) ?? 0 })) };
}
