import type { TermTimeline } from "../domain/timeline.ts";
import type { ProgramSummary } from "../schemas/catalog.ts";
import type { ProgramRow, TermRow } from "../storage/schema.ts";
import { presentTermSummary } from "./term-presenter.ts";

/** A program as the list of programs shows it: its current term's status and next deadline at `now`. */
export function presentProgramSummary(
  found: { program: ProgramRow; termCount: number; currentTerm: { term: TermRow; timeline: TermTimeline } | null },
  now: Date,
): ProgramSummary {
  const { program, currentTerm } = found;
  return {
    slug: program.slug,
    name: program.name,
    timeZone: program.timeZone,
    applicationLimit: program.applicationLimit,
    currentTerm: currentTerm ? presentTermSummary(currentTerm.term, program.slug, currentTerm.timeline, now) : null,
    termCount: found.termCount,
  };
}
