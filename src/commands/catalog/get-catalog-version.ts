import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";

/**
 * The version of a term's catalog: its id and revision. Every write to the term or its
 * projects moves the revision on, so answers cached under a version never need invalidating.
 * NOT_FOUND when the term does not exist.
 */
export async function getCatalogVersion(database: DatabaseHandle, termSlug: string): Promise<string> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return `${term.id}.${term.revision}`;
}
