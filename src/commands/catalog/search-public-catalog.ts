import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type ApplicantStanding, listApplicantStandings } from "../../storage/repos/application-board-repo.ts";
import { searchCatalog } from "../../storage/repos/catalog-repo.ts";
import { attachProjectDetails } from "../../storage/repos/project-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import type { CatalogRow, FacetCount, ProjectDetails, TermRow } from "../../storage/schema.ts";
import type { CatalogQuery } from "./catalog-query.ts";
import { requireVisibleTerm } from "./term-timelines.ts";

/** One page of a term's accepted projects, how many match in all, and the facet counts. */
export interface CatalogPage {
  term: TermRow;
  projects: Array<CatalogRow & ProjectDetails>;
  total: number;
  skills: FacetCount[];
  organizations: FacetCount[];
  /** Every accepted project of the term with its submitted applications and soft cap. */
  standings: ReadonlyMap<number, ApplicantStanding>;
}

/** One page of a term's catalog (accepted projects only) with facet counts and each project's applicants; NOT_FOUND when the term does not exist or is a draft the actor may not see. */
export async function searchPublicCatalog(database: DatabaseHandle, termSlug: string, query: CatalogQuery, actor: Actor): Promise<CatalogPage> {
  const term = requireVisibleTerm(actor, await findTermBySlug(database.db, termSlug), termSlug);
  const result = await searchCatalog(
    database.db,
    database.dialect,
    { termId: term.id, q: query.q || undefined, skills: query.skill, organizationSlugs: query.org },
    { offset: (query.page - 1) * query.limit, limit: query.limit },
  );
  const [projects, standings] = await Promise.all([attachProjectDetails(database.db, result.rows), listApplicantStandings(database.db, term.id)]);
  return { term, projects, total: result.total, skills: result.skills, organizations: result.organizations, standings };
}
