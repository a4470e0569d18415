import { type CatalogVocabulary, searchTerms } from "../../storage/repos/catalog-repo.ts";

/** A catalog query as the API receives it. */
export interface CatalogQuery {
  q?: string | undefined;
  skill: string[];
  org: string[];
  page: number;
  limit: number;
}

// Matches no organization and no skill: slugs and tags are never empty.
const NOTHING = "";

/**
 * A catalog query with its filters narrowed to the term's organizations and skills, so that
 * made-up values cannot each make a new cache key. The answer does not change: an unknown
 * organization adds nothing to "any of", and an unknown skill makes "all of" match nothing,
 * which the one value that names nothing says for all of them.
 */
export function normalizeCatalogQuery(query: CatalogQuery, vocabulary: CatalogVocabulary): CatalogQuery {
  const org = [...new Set(query.org.filter((slug) => vocabulary.organizationSlugs.has(slug)))].sort();
  const skill = [...new Set(query.skill)].sort();
  return {
    ...query,
    org: org.length === 0 && query.org.length > 0 ? [NOTHING] : org,
    skill: skill.every((tag) => vocabulary.skillTags.has(tag)) ? skill : [NOTHING],
  };
}

/** A catalog query in a normal form: the same search written differently gives the same key. */
export function catalogQueryKey(query: CatalogQuery): string {
  return JSON.stringify([searchTerms(query.q ?? "").join(" "), [...new Set(query.skill)].sort(), [...new Set(query.org)].sort(), query.page, query.limit]);
}
