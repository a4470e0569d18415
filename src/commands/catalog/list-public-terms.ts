import { sortTermsNewestFirst } from "../../domain/current-term.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { listTermsOfProgram } from "../../storage/repos/term-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { type TermWithTimeline, withTimelines } from "./term-timelines.ts";

/** A program's terms, newest first, with their timelines; NOT_FOUND naming the slug. */
export async function listPublicTerms(database: DatabaseHandle, programSlug: string): Promise<{ program: ProgramRow; terms: TermWithTimeline[] }> {
  const program = await findProgramBySlug(database.db, programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${programSlug}".`);
  const terms = await withTimelines(database.db, await listTermsOfProgram(database.db, program.id));
  return { program, terms: sortTermsNewestFirst(terms) };
}
