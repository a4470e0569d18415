import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type CatalogVocabulary, listCatalogVocabulary } from "../../storage/repos/catalog-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";

export type { CatalogVocabulary };

/** The organizations and skills a term's catalog can be filtered by; NOT_FOUND when the term does not exist. */
export async function getCatalogVocabulary(database: DatabaseHandle, termSlug: string): Promise<CatalogVocabulary> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return listCatalogVocabulary(database.db, term.id);
}
