import { pickCurrentTerm } from "../../domain/current-term.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listPrograms } from "../../storage/repos/program-repo.ts";
import { listTermsOfPrograms } from "../../storage/repos/term-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { type TermWithTimeline, withTimelines } from "./term-timelines.ts";

/** A program with how many terms it has and the one its visitors care about at the time asked. */
export interface PublicProgram {
  program: ProgramRow;
  termCount: number;
  currentTerm: TermWithTimeline | null;
}

/** Every program with its current term at `now`; drafts count, and can be current, only for their program's admins. */
export async function listPublicPrograms(database: DatabaseHandle, now: Date, actor: Actor): Promise<PublicProgram[]> {
  const programs = await listPrograms(database.db);
  const visible = (
    await listTermsOfPrograms(
      database.db,
      programs.map((program) => program.id),
    )
  ).filter((term) => canSeeTerm(actor, term));
  const terms = await withTimelines(database.db, visible);
  return programs.map((program) => {
    const own = terms.filter(({ term }) => term.programId === program.id);
    return { program, termCount: own.length, currentTerm: pickCurrentTerm(own, now) };
  });
}
