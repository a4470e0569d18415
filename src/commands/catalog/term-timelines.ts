import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import { mapTimelines } from "../../storage/repos/term-repo.ts";
import type { ProgramRow, TermRow, TimelinePhaseRow } from "../../storage/schema.ts";

// What the catalog's commands share: a stored term read as the domain's timeline, which the
// domain's rules (status, next deadline, open actions) and the presenters take.

/** A term with its timeline as the domain reads it; `key` (its slug) orders terms without dates. */
export interface TermWithTimeline {
  key: string;
  term: TermRow;
  timeline: TermTimeline;
}

/** A term with its program and its timeline. */
export interface PublicTerm {
  term: TermRow;
  program: ProgramRow;
  timeline: TermTimeline;
}

/**
 * The term when the actor may see it: a published term is public, a draft exists only for its
 * program's admins, so to everyone else it is NOT_FOUND in the words of a term that does not exist.
 */
export function requireVisibleTerm<T extends Pick<TermRow, "programId" | "publishedAt">>(actor: Actor, term: T | undefined, termSlug: string): T {
  if (!term || !canSeeTerm(actor, term)) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return term;
}

/** The domain's view of a stored term and its timeline rows. */
export function toTermTimeline(term: Pick<TermRow, "title" | "timeZone">, phases: readonly TimelinePhaseRow[]): TermTimeline {
  return {
    title: term.title,
    timeZone: term.timeZone,
    phases: phases.map((phase) => ({
      kind: phase.kind,
      activity: phase.activity,
      text: phase.text,
      startsAt: phase.startsAt ? new Date(phase.startsAt) : null,
      endsAt: phase.endsAt ? new Date(phase.endsAt) : null,
    })),
  };
}

/** Each term with its timeline, read in one query for all of them. */
export async function withTimelines(db: Db, terms: readonly TermRow[]): Promise<TermWithTimeline[]> {
  const timelines = await mapTimelines(
    db,
    terms.map((term) => term.id),
  );
  return terms.map((term) => ({ key: term.slug, term, timeline: toTermTimeline(term, timelines.get(term.id) ?? []) }));
}

/** A term with its program and timeline, read together. */
export async function withProgramAndTimeline(database: DatabaseHandle, term: TermRow): Promise<PublicTerm> {
  const [program, timelines] = await Promise.all([findProgramById(database.db, term.programId), mapTimelines(database.db, [term.id])]);
  if (!program) throw new AppError("INTERNAL", `Term ${term.slug} has no program.`);
  return { term, program, timeline: toTermTimeline(term, timelines.get(term.id) ?? []) };
}
