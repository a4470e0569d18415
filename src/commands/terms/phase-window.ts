import { formatInstant } from "../../domain/format-instant.ts";
import { checkActionOpen, type PhaseAction } from "../../domain/phase-actions.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { TermRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

// The windows of a term's phases as every workflow command checks them: open for
// start <= now < end on the server's clock; the program's admins may act outside them, audited.

/** A term's timeline as the phase rules read it. */
export async function loadTermTimeline(db: Db, term: Pick<TermRow, "id" | "title" | "timeZone">): Promise<TermTimeline> {
  return toTermTimeline(term, await listTimeline(db, term.id));
}

/** Whether an action of a term's phase may be taken now: `override` holds the closed message an admin acted past. */
export interface WindowCheck {
  override: string | null;
}

/**
 * Checks that a phase action is open at `now` (start ≤ now < end, to the millisecond). Closed,
 * the refusal names the close (or opening) time in the term's zone and UTC, and in the caller's
 * own zone when their profile has one. The program's admins may act anyway: the check then
 * returns the message, for the audit event to record as an override.
 */
export async function checkPhaseWindow(
  db: Db,
  actor: SignedIn,
  options: { programId: number; timeline: TermTimeline; action: PhaseAction; now: Date },
): Promise<WindowCheck> {
  const availability = checkActionOpen(options.timeline, options.action, options.now);
  if (availability.open) return { override: null };
  const person = await findPersonById(db, actor.personId);
  const viewerZone = person?.timeZone ?? null;
  const instant = availability.reason === "closed" ? availability.closedAt : availability.reason === "not_yet_open" ? availability.opensAt : null;
  const yours =
    instant && viewerZone && viewerZone !== options.timeline.timeZone
      ? ` That is ${formatInstant(instant, viewerZone)} in your time zone (${viewerZone}).`
      : "";
  const message = `${availability.message}${yours}`;
  if (isProgramAdmin(actor, options.programId)) return { override: message };
  throw new AppError("PHASE_CLOSED", message);
}
