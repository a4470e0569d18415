import { PHASE_ACTIONS } from "./phase-actions.ts";
import { findPhase, phaseWindow, type TermTimeline } from "./timeline.ts";

const HOUR_MS = 60 * 60_000;

/**
 * When an applicant with an unsubmitted draft is reminded, before the applications deadline:
 * a day ahead, and an hour ahead. Earliest first.
 */
export const DRAFT_REMINDER_OFFSETS = ["24h", "1h"] as const;

/** One reminder of an unsubmitted draft, named by how long before the deadline it comes. */
export type DraftReminderOffset = (typeof DRAFT_REMINDER_OFFSETS)[number];

const OFFSET_MS = { "24h": 24 * HOUR_MS, "1h": HOUR_MS } as const satisfies Record<DraftReminderOffset, number>;

/** When applications of the term close (the instant the reminders count back from), or null when its timeline has none. */
export function applicationsDeadline(timeline: TermTimeline): Date | null {
  const closing = findPhase(timeline, PHASE_ACTIONS.submitApplication.closesWith);
  return (closing && phaseWindow(closing)?.end) ?? null;
}

/** The instant a reminder is due: its offset before the applications deadline. */
export function draftReminderDueAt(deadline: Date, offset: DraftReminderOffset): Date {
  return new Date(deadline.getTime() - OFFSET_MS[offset]);
}

/**
 * Whether a reminder still has something to say at `at`: its instant has come, the deadline has
 * not, and no later reminder is due yet (a day-ahead reminder run late, after the hour-ahead
 * one's instant, would only repeat it).
 */
export function draftReminderTimely(deadline: Date, offset: DraftReminderOffset, at: Date): boolean {
  if (at.getTime() < draftReminderDueAt(deadline, offset).getTime() || at.getTime() >= deadline.getTime()) return false;
  const later = DRAFT_REMINDER_OFFSETS[DRAFT_REMINDER_OFFSETS.indexOf(offset) + 1];
  return later === undefined || at.getTime() < draftReminderDueAt(deadline, later).getTime();
}

/** How long until the deadline, in words for a reminder: "24 hours", "1 hour", "40 minutes". */
export function timeLeftWords(deadline: Date, at: Date): string {
  const ms = Math.max(0, deadline.getTime() - at.getTime());
  // The scheduler runs a job a few seconds after its instant: round, so 23:59:58 reads "24 hours".
  if (ms >= 1.5 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} hours`;
  if (ms >= 55 * 60_000) return "1 hour";
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
