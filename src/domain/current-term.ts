import { termStatusAt } from "./term-status.ts";
import { nextDeadline, type TermTimeline, termEndsAt } from "./timeline.ts";

/**
 * Orders terms newest first: by the last date of their timelines, then by key (slug) for terms
 * whose pages carry no readable dates.
 */
export function sortTermsNewestFirst<T extends { key: string; timeline: TermTimeline }>(terms: readonly T[]): T[] {
  return [...terms].sort((a, b) => {
    const endA = termEndsAt(a.timeline);
    const endB = termEndsAt(b.timeline);
    if (endA !== null && endB !== null && endA !== endB) return endB - endA;
    if (endA !== null && endB === null) return -1;
    if (endA === null && endB !== null) return 1;
    return b.key.localeCompare(a.key);
  });
}

/**
 * The term a program's visitors care about now: of the terms with dates and not yet complete, the
 * one whose next deadline comes first; otherwise the newest one (by its last date), shown complete.
 */
export function pickCurrentTerm<T extends { key: string; timeline: TermTimeline }>(terms: readonly T[], at: Date): T | null {
  let best: { term: T; deadline: number } | null = null;
  for (const term of terms) {
    const status = termStatusAt(term.timeline, at);
    if (status === "complete" || status === "dates_unknown") continue;
    const deadline = nextDeadline(term.timeline, at)?.at.getTime() ?? Number.POSITIVE_INFINITY;
    if (!best || deadline < best.deadline) best = { term, deadline };
  }
  return best?.term ?? sortTermsNewestFirst(terms)[0] ?? null;
}
