import { slugify, uniqueSlug } from "../../domain/slug.ts";
import { canonicalTimeZone } from "../../domain/time-zones.ts";
import { type ResolvedTimelineRow, readTimeline, type TimelineRowInput, unknownTimeZone } from "../../domain/timeline-input.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findTermBySlug, listTermSlugsLike } from "../../storage/repos/term-repo.ts";

// What creating, changing and copying a term check the same way, whether the API or the CLI
// asks: the zone, the timeline rows, the slug.

const SIDE_WORDS: Record<string, string> = { startsLocal: "start", endsLocal: "end", kind: "phase" };

/** The zone as the zone database spells it ("america/los_angeles" → "America/Los_Angeles"), or INVALID_INPUT naming the `timeZone` field. */
export function requireTimeZone(timeZone: string): string {
  const known = canonicalTimeZone(timeZone);
  if (known) return known;
  const problem = unknownTimeZone(timeZone);
  throw new AppError("INVALID_INPUT", `timeZone: ${problem.detail}.`, undefined, { errors: [problem] });
}

/**
 * The rows read into instants in the zone, or INVALID_INPUT with one entry per row and field
 * at fault; its message names the first in words a person finds in a form or a file
 * ("Timeline row 3 (Applications), start: ...").
 */
export function requireTimeline(rows: readonly TimelineRowInput[], timeZone: string): ResolvedTimelineRow[] {
  const zone = requireTimeZone(timeZone);
  const reading = readTimeline(rows, zone);
  if (reading.ok) return reading.rows;
  throw invalidTimeline(rows, reading.errors);
}

function invalidTimeline(rows: readonly TimelineRowInput[], errors: readonly FieldError[]): AppError {
  const [first] = errors;
  const [, index, side] = first?.field.split(".") ?? [];
  const row = rows[Number(index)];
  const where = row ? `Timeline row ${Number(index) + 1} (${row.activity.trim()}), ${SIDE_WORDS[side ?? ""] ?? side}` : "Timeline";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
  return new AppError("INVALID_INPUT", `${where}: ${first?.detail ?? "is not valid"}${more}.`, undefined, { errors });
}

/** The slug a new term gets: the one asked for if free (CONFLICT naming it if not), else one made from the title. */
export async function chooseTermSlug(db: Db, requested: string | undefined, title: string): Promise<string> {
  if (requested !== undefined) {
    await requireFreeSlug(db, requested);
    return requested;
  }
  const base = slugify(title) || "term";
  return uniqueSlug(base, await listTermSlugsLike(db, base));
}

/** CONFLICT naming the slug when a term has it already. */
export async function requireFreeSlug(db: Db, slug: string): Promise<void> {
  if (!(await findTermBySlug(db, slug))) return;
  const detail = `a term "${slug}" exists already; choose another slug`;
  throw new AppError("CONFLICT", `slug: ${detail}.`, undefined, { errors: [{ field: "slug", code: "taken", detail }] });
}

/** How a term page states a term's length, from its number of weeks. */
export function lengthTextOf(lengthWeeks: number | null): string | null {
  return lengthWeeks === null ? null : `${lengthWeeks} week${lengthWeeks === 1 ? "" : "s"}`;
}
