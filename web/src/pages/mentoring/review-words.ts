import type { ReviewQueueItem } from "../../../../src/schemas/review.ts";
import type { Tone } from "../../components/chip.tsx";

/** Which applications the review queue shows, as its `show` filter in the URL says. */
export const QUEUE_FILTERS = {
  all: "All",
  unreviewed: "Not yet scored by you",
  scored: "Scored by you",
  shortlisted: "Shortlisted",
} as const;

/** One filter of the queue. */
export type QueueFilter = keyof typeof QUEUE_FILTERS;

/** The filter named in the URL, or all. */
export function queueFilterOf(value: string | null): QueueFilter {
  return value !== null && value in QUEUE_FILTERS ? (value as QueueFilter) : "all";
}

/** True when an item passes the queue's filter and its words (name or GitHub handle). */
export function inQueue(item: ReviewQueueItem, filter: QueueFilter, words: string): boolean {
  const needle = words.trim().toLowerCase();
  if (needle && !`${item.applicant.name} ${item.applicant.githubHandle ?? ""}`.toLowerCase().includes(needle)) return false;
  if (filter === "unreviewed") return item.myScore === null;
  if (filter === "scored") return item.myScore !== null;
  if (filter === "shortlisted") return item.mark === "shortlisted";
  return true;
}

/** A review mark in words, with its chip's tone. */
export function markWords(mark: ReviewQueueItem["mark"]): { label: string; tone: Tone } {
  if (mark === "shortlisted") return { label: "Shortlisted", tone: "open" };
  if (mark === "not_shortlisted") return { label: "Not shortlisted", tone: "closed" };
  return { label: "Undecided", tone: "neutral" };
}

/** A shortlist with one entry moved by `by` places (−1 up, +1 down); the same list when it cannot move. */
export function moved(ids: readonly number[], id: number, by: -1 | 1): number[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
