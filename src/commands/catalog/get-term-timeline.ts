import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { type PublicTerm, withProgramAndTimeline } from "./term-timelines.ts";

/** A term with its program and its timeline (every term is public), or NOT_FOUND naming the slug. */
export async function getTermTimeline(database: DatabaseHandle, termSlug: string): Promise<PublicTerm> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return withProgramAndTimeline(database, term);
}
