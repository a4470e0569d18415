import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { type PublicTerm, requireVisibleTerm, withProgramAndTimeline } from "./term-timelines.ts";

/** A term with its program and its timeline, or NOT_FOUND naming the slug (a draft too, but for its admins). */
export async function getTermTimeline(database: DatabaseHandle, termSlug: string, actor: Actor): Promise<PublicTerm> {
  const term = requireVisibleTerm(actor, await findTermBySlug(database.db, termSlug), termSlug);
  return withProgramAndTimeline(database, term);
}
