import { type Expression, type SqlBool, sql } from "kysely";
import type { Dialect } from "../database.ts";
import type { CatalogRow, FacetCount } from "../schema.ts";
import type { Db } from "./db.ts";

/** A catalog query: one term's accepted projects, narrowed by text, skills (all) and organizations (any). */
export interface CatalogFilter {
  termId: number;
  q: string | undefined;
  skills: readonly string[];
  organizationSlugs: readonly string[];
}

/** A page of matching projects, the total, and the facet counts. */
export interface CatalogResult {
  rows: CatalogRow[];
  total: number;
  skills: FacetCount[];
  organizations: FacetCount[];
}

/**
 * Runs a catalog query. Free text is ranked by each engine's full-text search: FTS5 with
 * bm25 on SQLite (title weighs most, then skills, outcome, description), a weighted tsvector
 * with ts_rank_cd on PostgreSQL. Skill counts are over the whole filter; organization counts
 * leave the organization filter out, so a person can widen the choice (any of several).
 */
export async function searchCatalog(db: Db, dialect: Dialect, filter: CatalogFilter, page: { offset: number; limit: number }): Promise<CatalogResult> {
  // A query of punctuation alone has no words to look for: it filters nothing.
  const text = filter.q ? textMatch(dialect, filter.q) : null;
  const matching = (withOrganizations: boolean) =>
    db
      .selectFrom("projects")
      .innerJoin("organizations", "organizations.id", "projects.organizationId")
      .select("projects.id")
      .where("projects.termId", "=", filter.termId)
      .where("projects.state", "=", "accepted")
      .$if(text !== null, (qb) => qb.where(text?.where as Expression<SqlBool>))
      .$if(withOrganizations && filter.organizationSlugs.length > 0, (qb) => qb.where("organizations.slug", "in", filter.organizationSlugs))
      .$if(filter.skills.length > 0, (qb) =>
        qb.where((eb) =>
          eb(
            eb
              .selectFrom("projectSkills")
              .innerJoin("skills", "skills.id", "projectSkills.skillId")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("projectSkills.projectId", "=", "projects.id")
              .where("skills.tag", "in", filter.skills),
            "=",
            new Set(filter.skills).size,
          ),
        ),
      );

  const rowsQuery = db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select([
      "projects.id",
      "projects.slug",
      "projects.title",
      "projects.summary",
      "projects.slots",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
    ])
    .where("projects.id", "in", matching(true))
    .$if(text?.joinFts === true, (qb) => qb.innerJoin("projectsFts", "projectsFts.rowid", "projects.id").where(text?.ftsMatch as Expression<SqlBool>))
    .$if(text !== null, (qb) => qb.orderBy(text?.rank as Expression<number>))
    .orderBy(sql`lower(organizations.name)`)
    .orderBy(sql`lower(projects.title)`)
    .orderBy("projects.id")
    .limit(page.limit)
    .offset(page.offset);

  const [rows, total, skills, organizations] = await Promise.all([
    rowsQuery.execute(),
    db
      .selectFrom("projects")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("projects.id", "in", matching(true))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("projectSkills")
      .innerJoin("skills", "skills.id", "projectSkills.skillId")
      .select(["skills.tag as name", "skills.label", (eb) => eb.fn.countAll<number>().as("count")])
      .where("projectSkills.projectId", "in", matching(true))
      .groupBy(["skills.tag", "skills.label"])
      .orderBy("count", "desc")
      .orderBy("skills.tag")
      .execute(),
    db
      .selectFrom("projects")
      .innerJoin("organizations", "organizations.id", "projects.organizationId")
      .select(["organizations.slug as name", "organizations.name as label", (eb) => eb.fn.countAll<number>().as("count")])
      .where("projects.id", "in", matching(false))
      .groupBy(["organizations.slug", "organizations.name"])
      .orderBy(sql`lower(organizations.name)`)
      .execute(),
  ]);
  return {
    rows,
    total: Number(total.n),
    skills: skills.map((facet) => ({ ...facet, count: Number(facet.count) })),
    organizations: organizations.map((facet) => ({ ...facet, count: Number(facet.count) })),
  };
}

/** The organizations and skill tags a term's catalog can be filtered by: those of its accepted projects. */
export interface CatalogVocabulary {
  organizationSlugs: ReadonlySet<string>;
  skillTags: ReadonlySet<string>;
}

/** The organization slugs and skill tags of a term's accepted projects. */
export async function listCatalogVocabulary(db: Db, termId: number): Promise<CatalogVocabulary> {
  const [organizations, skills] = await Promise.all([
    db
      .selectFrom("projects")
      .innerJoin("organizations", "organizations.id", "projects.organizationId")
      .select("organizations.slug")
      .distinct()
      .where("projects.termId", "=", termId)
      .where("projects.state", "=", "accepted")
      .execute(),
    db
      .selectFrom("projectSkills")
      .innerJoin("projects", "projects.id", "projectSkills.projectId")
      .innerJoin("skills", "skills.id", "projectSkills.skillId")
      .select("skills.tag")
      .distinct()
      .where("projects.termId", "=", termId)
      .where("projects.state", "=", "accepted")
      .execute(),
  ]);
  // Sets, because every catalog request checks its filters against them.
  return { organizationSlugs: new Set(organizations.map((row) => row.slug)), skillTags: new Set(skills.map((row) => row.tag)) };
}

/** The words of a query, lower-cased, without punctuation an engine would read as syntax. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

interface TextMatch {
  where: Expression<SqlBool>;
  rank: Expression<number>;
  /** SQLite ranks through a join with the FTS5 table, filtered by `ftsMatch`. */
  joinFts: boolean;
  ftsMatch: Expression<SqlBool> | null;
}

function textMatch(dialect: Dialect, q: string): TextMatch | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  if (dialect === "sqlite") {
    // Each word quoted (so no word is FTS5 syntax) and matched as a prefix; all must match.
    const match = terms.map((term) => `"${term}"*`).join(" ");
    return {
      where: sql<SqlBool>`projects.id in (select rowid from projects_fts where projects_fts match ${match})`,
      rank: sql<number>`bm25(projects_fts, 10.0, 4.0, 2.0, 1.0)`,
      joinFts: true,
      ftsMatch: sql<SqlBool>`projects_fts match ${match}`,
    };
  }
  const query = terms.map((term) => `${term}:*`).join(" & ");
  return {
    where: sql<SqlBool>`projects.search_vector @@ to_tsquery('english', ${query})`,
    rank: sql<number>`-ts_rank_cd(projects.search_vector, to_tsquery('english', ${query}))`,
    joinFts: false,
    ftsMatch: null,
  };
}
