import { AppError } from "../../errors/app-error.ts";
import { isDraftTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import { countTermFunnel } from "../../storage/repos/term-report-repo.ts";
import type { TermSummaryData } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

/**
 * The public summary of a term: its funnel's counts, for anyone, once the term is published. A
 * draft has no summary even for its admins (they read its report), so it answers as unknown.
 */
export async function getTermSummary(options: { database: DatabaseHandle; termSlug: string }): Promise<TermSummaryData> {
  const db = options.database.db;
  const term = await findTermBySlug(db, options.termSlug);
  if (!term || isDraftTerm(term)) throw new AppError("NOT_FOUND", `There is no term "${options.termSlug}".`);
  const [program, phases, funnel] = await Promise.all([findProgramById(db, term.programId), listTimeline(db, term.id), countTermFunnel(db, term.id)]);
  if (!program) throw new AppError("INTERNAL", `Term ${term.slug} has no program.`);
  return { term, program, timeline: toTermTimeline(term, phases), funnel };
}
