import { type ActionAvailability, checkActionOpen } from "../domain/phase-actions.ts";
import { TERM_STATUS_LABELS, termStatusAt } from "../domain/term-status.ts";
import { termDisplayTitle } from "../domain/term-title.ts";
import { isWithin, nextDeadline, phasesInDateOrder, phaseWindow, type TermTimeline, termEndsAt, termStartsAt } from "../domain/timeline.ts";
import type { ApplyState, Deadline, Phase, TermDetail, TermListItem, TermSummary } from "../schemas/catalog.ts";
import type { TermRow } from "../storage/schema.ts";

/** A term as lists show it: status and next deadline at `now`. */
export function presentTermSummary(term: TermRow, programSlug: string, timeline: TermTimeline, now: Date): TermSummary {
  const status = termStatusAt(timeline, now);
  return {
    slug: term.slug,
    title: termDisplayTitle(term.title, timeline),
    programSlug,
    timeZone: term.timeZone,
    status,
    statusLabel: TERM_STATUS_LABELS[status],
    nextDeadline: presentNextDeadline(timeline, now),
    startsAt: isoOrNull(termStartsAt(timeline)),
    endsAt: isoOrNull(termEndsAt(timeline)),
    draft: term.publishedAt === null,
  };
}

/** The next thing that opens or closes in a term after `now`, or null when nothing does. */
export function presentNextDeadline(timeline: TermTimeline, now: Date): Deadline | null {
  const deadline = nextDeadline(timeline, now);
  return deadline ? { kind: deadline.kind, activity: deadline.activity, event: deadline.event, at: deadline.at.toISOString() } : null;
}

/** A term as its program's list shows it: the summary and how many projects it accepted. */
export function presentTermListItem(term: TermRow, programSlug: string, timeline: TermTimeline, projectCount: number, now: Date): TermListItem {
  return { ...presentTermSummary(term, programSlug, timeline, now), projectCount };
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}

/** A term with its timeline, each phase marked past, current or upcoming at `now`. */
export function presentTermDetail(
  term: TermRow,
  program: { slug: string; name: string },
  timeline: TermTimeline,
  counts: TermDetail["counts"],
  now: Date,
): TermDetail {
  return {
    ...presentTermSummary(term, program.slug, timeline, now),
    programName: program.name,
    lengthText: term.lengthText,
    statusText: term.statusText,
    phases: phasesInDateOrder(timeline.phases).map((phase): Phase => {
      const window = phaseWindow(phase);
      const state = !window ? "undated" : isWithin(window, now) ? "current" : window.end.getTime() <= now.getTime() ? "past" : "upcoming";
      return {
        kind: phase.kind,
        activity: phase.activity,
        text: phase.text,
        startsAt: phase.startsAt?.toISOString() ?? null,
        endsAt: phase.endsAt?.toISOString() ?? null,
        state,
      };
    }),
    apply: presentApplyState(checkActionOpen({ ...timeline, title: termDisplayTitle(term.title, timeline) }, "submitApplication", now)),
    counts,
    calendarUrl: `/api/terms/${encodeURIComponent(term.slug)}/calendar.ics`,
  };
}

/** Whether applying is open, as the apply button shows it. */
export function presentApplyState(availability: ActionAvailability): ApplyState {
  if (availability.open) {
    return { state: "open", message: availability.message, opensAt: null, closesAt: availability.closesAt.toISOString() };
  }
  switch (availability.reason) {
    case "not_yet_open":
      return { state: "not_yet_open", message: availability.message, opensAt: availability.opensAt.toISOString(), closesAt: null };
    case "closed":
      return { state: "closed", message: availability.message, opensAt: null, closesAt: availability.closedAt.toISOString() };
    case "not_scheduled":
      return { state: "not_scheduled", message: availability.message, opensAt: null, closesAt: null };
  }
}
