import { foldOf, toLocalTime } from "../domain/timeline-input.ts";
import type { TermSetup, TimelineRowSetup } from "../schemas/term-setup.ts";
import type { ProgramRow, TermRow, TimelinePhaseRow } from "../storage/schema.ts";

/** A term as its admins edit it: settings, whether it is published, and each row in local time beside its instants. */
export function presentTermSetup({
  term,
  program,
  timeline,
}: {
  term: TermRow;
  program: Pick<ProgramRow, "slug">;
  timeline: readonly TimelinePhaseRow[];
}): TermSetup {
  return {
    slug: term.slug,
    programSlug: program.slug,
    title: term.title,
    timeZone: term.timeZone,
    lengthWeeks: term.lengthWeeks,
    slotBudget: term.slotBudget,
    published: term.publishedAt !== null,
    publishedAt: term.publishedAt,
    slugEditable: term.publishedAt === null,
    timeline: timeline.map((row) => presentTimelineRow(row, term.timeZone)),
  };
}

function presentTimelineRow(row: TimelinePhaseRow, timeZone: string): TimelineRowSetup {
  const startsFold = row.startsAt ? foldOf(row.startsAt, timeZone) : undefined;
  const endsFold = row.endsAt ? foldOf(row.endsAt, timeZone) : undefined;
  return {
    kind: row.kind,
    activity: row.activity,
    startsLocal: row.startsAt ? toLocalTime(row.startsAt, timeZone) : null,
    endsLocal: row.endsAt ? toLocalTime(row.endsAt, timeZone) : null,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    ...(startsFold ? { startsFold } : {}),
    ...(endsFold ? { endsFold } : {}),
  };
}
