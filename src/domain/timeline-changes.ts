import type { PhaseKind } from "./phases.ts";
import { isWithin, phaseWindow } from "./timeline.ts";

/** A stored timeline row as the comparison reads it: instants as ISO strings. */
export interface TimelineRowState {
  kind: PhaseKind | null;
  activity: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** One row an edit changed: before (null when added) and after (null when removed), and where it is now. */
export interface TimelineRowChange {
  kind: PhaseKind | null;
  activity: string;
  before: TimelineRowState | null;
  after: TimelineRowState | null;
  /** The row's index in the new timeline, or null when the edit removed it. */
  index: number | null;
}

/**
 * The rows an edit changed. A phase of SPEC.md is the same row whatever its wording (matched by
 * kind); a free-worded row is matched by its wording, so renaming one reads as removing it and
 * adding another.
 */
export function timelineChanges(before: readonly TimelineRowState[], after: readonly TimelineRowState[]): TimelineRowChange[] {
  const unmatched = [...before];
  const take = (row: TimelineRowState): TimelineRowState | null => {
    const at = unmatched.findIndex((old) => (row.kind !== null ? old.kind === row.kind : old.kind === null && old.activity === row.activity));
    if (at < 0) return null;
    const [old] = unmatched.splice(at, 1);
    return old ?? null;
  };
  const changes: TimelineRowChange[] = [];
  after.forEach((row, index) => {
    const old = take(row);
    if (old && sameRow(old, row)) return;
    changes.push({ kind: row.kind, activity: row.activity, before: old ? state(old) : null, after: state(row), index });
  });
  for (const old of unmatched) changes.push({ kind: old.kind, activity: old.activity, before: state(old), after: null, index: null });
  return changes;
}

function state(row: TimelineRowState): TimelineRowState {
  return { kind: row.kind, activity: row.activity, startsAt: row.startsAt, endsAt: row.endsAt };
}

function sameRow(a: TimelineRowState, b: TimelineRowState): boolean {
  return a.activity === b.activity && sameInstant(a.startsAt, b.startsAt) && sameInstant(a.endsAt, b.endsAt);
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime();
}

/** The window of a row as the lifecycle reads it, or null when it has no date. */
export function rowWindow(row: TimelineRowState): { start: Date; end: Date } | null {
  return phaseWindow({ ...row, text: "", startsAt: row.startsAt ? new Date(row.startsAt) : null, endsAt: row.endsAt ? new Date(row.endsAt) : null });
}

/**
 * The changes that close a phase open at `now`: it is removed, its end moves to `now` or
 * earlier, or its start moves past `now`. Such an edit shuts people out at once, so it needs
 * the admin's explicit confirmation.
 */
export function changesClosingOpenPhases(changes: readonly TimelineRowChange[], now: Date): TimelineRowChange[] {
  return changes.filter((change) => {
    const was = change.kind !== null && change.before ? rowWindow(change.before) : null;
    if (!was || !isWithin(was, now)) return false;
    const will = change.after ? rowWindow(change.after) : null;
    return !will || !isWithin(will, now);
  });
}
