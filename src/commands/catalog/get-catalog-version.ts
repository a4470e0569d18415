import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import type { TermRow } from "../../storage/schema.ts";
import { requireVisibleTerm } from "./term-timelines.ts";

/**
 * A term's catalog version (`key`) and who may read it: a draft's catalog is only for its
 * program's admins, and the row that gives the version says so, so checking costs no query.
 */
export interface CatalogVersion extends Pick<TermRow, "programId" | "publishedAt"> {
  key: string;
}

/**
 * The version of a term's catalog: its id and revision. Every write to the term or its
 * projects moves the revision on (publishing too), so answers cached under a version never
 * need invalidating. NOT_FOUND when the term does not exist.
 */
export async function getCatalogVersion(database: DatabaseHandle, termSlug: string): Promise<CatalogVersion> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return { key: `${term.id}.${term.revision}`, programId: term.programId, publishedAt: term.publishedAt };
}

/**
 * The catalog version the actor may read, from a remembered one (shared by every caller): a
 * published term's at once, with no query. A draft's only for its admins, NOT_FOUND for anyone
 * else; a remembered draft is read again first, so a term published a moment ago shows at once.
 */
export async function requireReadableCatalog(database: DatabaseHandle, termSlug: string, actor: Actor, remembered: CatalogVersion): Promise<CatalogVersion> {
  if (canSeeTerm(actor, remembered)) return remembered;
  return requireVisibleTerm(actor, await getCatalogVersion(database, termSlug), termSlug);
}
