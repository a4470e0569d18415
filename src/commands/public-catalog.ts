import { pickCurrentTerm, sortTermsNewestFirst } from "../domain/current-term.ts";
import { checkActionOpen } from "../domain/phase-actions.ts";
import { termStatusAt } from "../domain/term-status.ts";
import type { TermTimeline } from "../domain/timeline.ts";
import { AppError } from "../errors/app-error.ts";
import { presentProjectCard, presentProjectDetail } from "../presenters/project-presenter.ts";
import { presentApplyState, presentTermDetail, presentTermSummary, toTermTimeline } from "../presenters/term-presenter.ts";
import type { CatalogResponse, ProgramSummary, ProjectDetail, TermDetail, TermSummary } from "../schemas/catalog.ts";
import type { DatabaseHandle } from "../storage/database.ts";
import { type CatalogVocabulary, listCatalogVocabulary, searchCatalog, searchTerms } from "../storage/repos/catalog-repo.ts";
import { findProgramById, findProgramBySlug, listPrograms } from "../storage/repos/program-repo.ts";
import { attachProjectDetails, findProjectWithDetails } from "../storage/repos/project-repo.ts";
import { countTermContents, findTermById, findTermBySlug, listTermsOfProgram, listTermsOfPrograms, mapTimelines } from "../storage/repos/term-repo.ts";
import type { ProgramRow, TermRow } from "../storage/schema.ts";

// The public read side: what a visitor may see of programs, terms and accepted projects.
// Everything here is public by design; proposals and unaccepted projects never appear.

/** Every program with its current term. */
export async function listPublicPrograms(database: DatabaseHandle, now: Date): Promise<ProgramSummary[]> {
  const programs = await listPrograms(database.db);
  const terms = await listTermsOfPrograms(
    database.db,
    programs.map((program) => program.id),
  );
  const timelines = await mapTimelines(
    database.db,
    terms.map((term) => term.id),
  );
  return programs.map((program) => {
    const own = terms.filter((term) => term.programId === program.id).map((term) => withTimeline(term, timelines.get(term.id) ?? []));
    const current = pickCurrentTerm(own, now);
    return {
      slug: program.slug,
      name: program.name,
      timeZone: program.timeZone,
      applicationLimit: program.applicationLimit,
      currentTerm: current ? presentTermSummary(current.term, program.slug, current.timeline, now) : null,
      termCount: own.length,
    };
  });
}

/** A program's terms, newest first. */
export async function listPublicTerms(database: DatabaseHandle, programSlug: string, now: Date): Promise<TermSummary[]> {
  const program = await requireProgram(database, programSlug);
  const terms = await listTermsOfProgram(database.db, program.id);
  const timelines = await mapTimelines(
    database.db,
    terms.map((term) => term.id),
  );
  const sorted = sortTermsNewestFirst(terms.map((term) => withTimeline(term, timelines.get(term.id) ?? [])));
  return sorted.map(({ term, timeline }) => presentTermSummary(term, program.slug, timeline, now));
}

/** A term with its timeline at `now`. */
export async function getPublicTerm(database: DatabaseHandle, termSlug: string, now: Date): Promise<TermDetail> {
  const { term, program, timeline } = await loadTerm(database, termSlug);
  const counts = await countTermContents(database.db, term.id);
  return presentTermDetail(term, program, timeline, counts, now);
}

/** The term and its domain timeline, or NOT_FOUND naming the slug. */
export async function loadTerm(database: DatabaseHandle, termSlug: string): Promise<{ term: TermRow; program: ProgramRow; timeline: TermTimeline }> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return withProgramAndTimeline(database, term);
}

async function withProgramAndTimeline(database: DatabaseHandle, term: TermRow) {
  const [program, timelines] = await Promise.all([findProgramById(database.db, term.programId), mapTimelines(database.db, [term.id])]);
  if (!program) throw new AppError("INTERNAL", `Term ${term.slug} has no program.`);
  return { term, program, timeline: toTermTimeline(term, timelines.get(term.id) ?? []) };
}

/** A catalog query as the API receives it. */
export interface CatalogQuery {
  q?: string | undefined;
  skill: string[];
  org: string[];
  page: number;
  limit: number;
}

/**
 * The version of a term's catalog: its id and revision. Every write to the term or its
 * projects moves the revision on, so answers cached under a version never need invalidating.
 * NOT_FOUND when the term does not exist.
 */
export async function catalogVersion(database: DatabaseHandle, termSlug: string): Promise<string> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return `${term.id}.${term.revision}`;
}

/** The organizations and skills a term's catalog can be filtered by; NOT_FOUND when the term does not exist. */
export async function catalogVocabulary(database: DatabaseHandle, termSlug: string): Promise<CatalogVocabulary> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  return listCatalogVocabulary(database.db, term.id);
}

export type { CatalogVocabulary };

// Matches no organization and no skill: slugs and tags are never empty.
const NOTHING = "";

/**
 * A catalog query with its filters narrowed to the term's organizations and skills, so that
 * made-up values cannot each make a new cache key. The answer does not change: an unknown
 * organization adds nothing to "any of", and an unknown skill makes "all of" match nothing,
 * which the one value that names nothing says for all of them.
 */
export function normalizeCatalogQuery(query: CatalogQuery, vocabulary: CatalogVocabulary): CatalogQuery {
  const organizations = new Set(vocabulary.organizationSlugs);
  const skills = new Set(vocabulary.skillTags);
  const org = [...new Set(query.org.filter((slug) => organizations.has(slug)))].sort();
  const skill = [...new Set(query.skill)].sort();
  return {
    ...query,
    org: org.length === 0 && query.org.length > 0 ? [NOTHING] : org,
    skill: skill.every((tag) => skills.has(tag)) ? skill : [NOTHING],
  };
}

/** A catalog query in a normal form: the same search written differently gives the same key. */
export function catalogQueryKey(query: CatalogQuery): string {
  return JSON.stringify([searchTerms(query.q ?? "").join(" "), [...new Set(query.skill)].sort(), [...new Set(query.org)].sort(), query.page, query.limit]);
}

/** One page of a term's catalog with facet counts. */
export async function searchPublicCatalog(database: DatabaseHandle, termSlug: string, query: CatalogQuery): Promise<CatalogResponse> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}".`);
  const result = await searchCatalog(
    database.db,
    database.dialect,
    { termId: term.id, q: query.q || undefined, skills: query.skill, organizationSlugs: query.org },
    { offset: (query.page - 1) * query.limit, limit: query.limit },
  );
  const rows = await attachProjectDetails(database.db, result.rows);
  return {
    items: rows.map((row) => presentProjectCard(row, term.slug)),
    total: result.total,
    page: query.page,
    limit: query.limit,
    facets: { skills: result.skills, organizations: result.organizations },
  };
}

/** A project page; proposed, rejected and withdrawn projects are not public. */
export async function getPublicProject(database: DatabaseHandle, projectSlug: string, now: Date): Promise<ProjectDetail> {
  const project = await findProjectWithDetails(database.db, projectSlug);
  if (!project || project.state !== "accepted") throw new AppError("NOT_FOUND", `There is no project "${projectSlug}".`);
  const termOfProject = await findTermById(database.db, project.termId);
  if (!termOfProject) throw new AppError("INTERNAL", `Project ${projectSlug} has no term.`);
  const { term: termRow, program, timeline } = await withProgramAndTimeline(database, termOfProject);
  const apply = presentApplyState(checkActionOpen(timeline, "submitApplication", now));
  return presentProjectDetail(
    project,
    { slug: termRow.slug, title: termRow.title, timeZone: termRow.timeZone, status: termStatusAt(timeline, now) },
    { slug: program.slug, name: program.name },
    apply,
  );
}

async function requireProgram(database: DatabaseHandle, slug: string): Promise<ProgramRow> {
  const program = await findProgramBySlug(database.db, slug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${slug}".`);
  return program;
}

function withTimeline(term: TermRow, phases: Parameters<typeof toTermTimeline>[1]) {
  return { key: term.slug, term, timeline: toTermTimeline(term, phases) };
}
