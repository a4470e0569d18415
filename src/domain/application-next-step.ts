import { APPLICATION_STATE_LABELS, type ApplicationState } from "./application-states.ts";
import { formatInstant } from "./format-instant.ts";
import type { PhaseKind } from "./phases.ts";
import { findPhase, phaseWindow, type TermTimeline } from "./timeline.ts";

/** What an applicant should do or wait for next on an application, in words, and the instant it hangs on. */
export interface ApplicationNextStep {
  words: string;
  at: Date | null;
}

/**
 * An application's next step for "My applications", e.g. "Draft · submit by Tue 28 May 2024 at
 * 17:00 PDT", "Submitted · mentors review until …; you hear from us on …" or "Offered · accept
 * or decline by …" (an offer's response deadline). Instants are in
 * `zone`: the reader's own, or the term's when they set none.
 */
export function applicationNextStep(
  { state, respondBy }: { state: ApplicationState; respondBy: Date | null },
  timeline: TermTimeline,
  now: Date,
  zone: string,
): ApplicationNextStep {
  const when = (at: Date) => formatInstant(at, zone);
  const label = APPLICATION_STATE_LABELS[state];
  const applications = window(timeline, "applications");
  const opens = applications && applications.start.getTime() > now.getTime() ? applications.start : null;
  const closes = applications && !opens && applications.end.getTime() > now.getTime() ? applications.end : null;
  switch (state) {
    case "draft":
      if (closes) return { words: `${label} · submit by ${when(closes)}`, at: closes };
      if (opens) return { words: `${label} · applications open on ${when(opens)}`, at: opens };
      return { words: `${label} · applications are closed: it can no longer be submitted`, at: null };
    case "submitted":
      return submittedStep(label, timeline, now, when, closes);
    case "withdrawn":
      return closes ? { words: `${label} · you may apply again until ${when(closes)}`, at: closes } : { words: label, at: null };
    case "offered":
      return respondBy
        ? { words: `${label} · accept or decline by ${when(respondBy)}`, at: respondBy }
        : { words: `${label} · accept or decline the offer`, at: null };
    case "accepted": {
      const start = future(window(timeline, "start")?.start, now);
      return start ? { words: `${label} · your mentorship begins on ${when(start)}`, at: start } : { words: label, at: null };
    }
    case "declined":
    case "lapsed":
    case "not_selected":
      return { words: label, at: null };
  }
}

function submittedStep(label: string, timeline: TermTimeline, now: Date, when: (at: Date) => string, closes: Date | null): ApplicationNextStep {
  const review = future(window(timeline, "review")?.end, now);
  const notifications = future(window(timeline, "notifications")?.start, now);
  const parts = [
    ...(closes ? [`you may edit or withdraw it until ${when(closes)}`] : []),
    ...(review ? [`mentors review until ${when(review)}`] : []),
    ...(notifications ? [`you hear from us on ${when(notifications)}`] : []),
  ];
  const at = notifications ?? review ?? closes;
  return parts.length > 0 ? { words: `${label} · ${parts.join("; ")}`, at } : { words: `${label} · waiting for the selection`, at: null };
}

function window(timeline: TermTimeline, kind: PhaseKind) {
  const phase = findPhase(timeline, kind);
  return phase ? phaseWindow(phase) : null;
}

function future(at: Date | undefined, now: Date): Date | null {
  return at && at.getTime() > now.getTime() ? at : null;
}
