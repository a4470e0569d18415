import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import type { CatalogResponse, TermDetail } from "../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { type CatalogFilter, isFiltered, readFilter, toggled, writeFilter } from "../catalog/catalog-filter.ts";
import { CatalogSkeleton } from "../catalog/catalog-skeleton.tsx";
import { EmptyResults } from "../catalog/empty-results.tsx";
import { FacetGroup } from "../catalog/facet-group.tsx";
import { Pager } from "../catalog/pager.tsx";
import { ProjectCard } from "../catalog/project-card.tsx";
import { SearchForm } from "../catalog/search-form.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { DeadlineSummary } from "../components/deadline-summary.tsx";
import { ErrorPanel } from "../components/load-states.tsx";
import { TermStatusChip } from "../components/term-status-chip.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { countOf } from "../text.ts";
import { applySentence } from "../time/apply-sentence.ts";
import { NotFoundPage } from "./not-found-page.tsx";

function resultSummary(data: CatalogResponse): string {
  if (data.total === 0) return "0 projects";
  const first = (data.page - 1) * data.limit + 1;
  const last = Math.min(data.total, first + data.items.length - 1);
  if (first > data.total) return `${countOf(data.total, "project", "projects")}; page ${data.page} is past the last one.`;
  if (data.total <= data.limit) return `${countOf(data.total, "project", "projects")}`;
  return `Showing ${first}–${last} of ${countOf(data.total, "project", "projects")}`;
}

/**
 * The catalog of a term's projects: search, facets, cards and pages. Every part of the
 * filter lives in the URL, so a link reproduces the view and back/forward walk through it.
 */
export function CatalogPage({ term: slug }: { term: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = readFilter(search);
  const query = writeFilter(filter);
  const term = useApi<TermDetail>(apiPaths.term(slug));
  const catalog = useApi<CatalogResponse>(apiPaths.termProjects(slug, query));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const labels = useRef(new Map<string, string>());
  const results = useRef<HTMLElement>(null);
  const shownPage = useRef(filter.page);
  useEffect(() => {
    // Another page of results starts at the top of the list, with focus there, as a new page would.
    if (shownPage.current === filter.page) return;
    shownPage.current = filter.page;
    results.current?.focus({ preventScroll: true });
    results.current?.scrollIntoView({ block: "start" });
  }, [filter.page]);
  useDocumentTitle(
    term.error?.notFound || catalog.error?.notFound ? "Not found" : term.data ? `Projects · ${term.data.title} · ${term.data.programName}` : "Projects",
  );

  if (term.error?.notFound || catalog.error?.notFound) return <NotFoundPage what="term" detail={(term.error ?? catalog.error)?.message} />;

  const go = (next: CatalogFilter) => navigate(pagePaths.catalog(slug, writeFilter(next)));
  const hrefFor = (page: number) => pagePaths.catalog(slug, writeFilter({ ...filter, page }));
  const clearHref = pagePaths.catalog(slug);
  const data = catalog.data;
  const facets = data?.facets ?? { skills: [], organizations: [] };
  // A ticked value can drop out of the facets (no project left): remember the labels seen so far.
  for (const value of facets.skills) labels.current.set(`skill:${value.name}`, value.label);
  for (const value of facets.organizations) labels.current.set(`org:${value.name}`, value.label);
  const labelOf = (kind: "skill" | "org", name: string) => labels.current.get(`${kind}:${name}`) ?? name;
  const ticked = filter.skills.length + filter.orgs.length;
  const last = data ? Math.max(1, Math.ceil(data.total / data.limit)) : 1;

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: "Programs", href: pagePaths.home() },
          ...(term.data ? [{ label: term.data.programName, href: pagePaths.program(term.data.programSlug) }] : []),
          { label: term.data?.title ?? "Term", href: pagePaths.term(slug) },
          { label: "Projects" },
        ]}
      />
      <header className="page-head">
        <h1>Projects{term.data ? <span className="h1-sub"> · {term.data.title}</span> : null}</h1>
        {term.data ? (
          <div className="catalog-term">
            <TermStatusChip term={term.data} />
            {term.data.nextDeadline && term.data.status !== "complete" ? (
              <DeadlineSummary term={term.data} />
            ) : (
              <p>{applySentence(term.data.apply, term.data.timeZone)}</p>
            )}
          </div>
        ) : null}
      </header>
      <SearchForm value={filter.q} onSearch={(q) => go({ ...filter, q, page: 1 })} />
      <div className="catalog-layout">
        <div className="filters-column">
          <button
            type="button"
            className="button filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="catalog-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {filtersOpen ? "Hide filters" : "Show filters"}
            {ticked > 0 ? ` (${ticked} selected)` : ""}
          </button>
          <aside id="catalog-filters" className={filtersOpen ? "filters is-open" : "filters"} aria-labelledby="filters-heading">
            <h2 id="filters-heading">Filter projects</h2>
            {data ? null : <CatalogSkeleton part="facets" />}
            {data ? (
              <>
                <FacetGroup
                  legend="Skills"
                  hint="Projects that need every skill you tick."
                  searchLabel="Find a skill"
                  values={facets.skills}
                  labelOf={(name) => labelOf("skill", name)}
                  selected={filter.skills}
                  onToggle={(name) => go({ ...filter, skills: toggled(filter.skills, name), page: 1 })}
                />
                <FacetGroup
                  legend="Organizations"
                  hint="Projects of any organization you tick."
                  values={facets.organizations}
                  labelOf={(name) => labelOf("org", name)}
                  selected={filter.orgs}
                  onToggle={(name) => go({ ...filter, orgs: toggled(filter.orgs, name), page: 1 })}
                />
              </>
            ) : null}
            {isFiltered(filter) ? (
              <p>
                <Link href={clearHref}>Clear all filters</Link>
              </p>
            ) : null}
          </aside>
        </div>
        <section className="results" aria-labelledby="results-heading" aria-busy={catalog.status === "loading"} ref={results} tabIndex={-1}>
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {catalog.error ? <ErrorPanel error={catalog.error} onRetry={catalog.reload} /> : null}
          <p className="result-count" role="status">
            {data ? resultSummary(data) : ""}
          </p>
          {data ? (
            data.items.length > 0 ? (
              <ol className="result-list">
                {data.items.map((project) => (
                  <li key={project.slug}>
                    <ProjectCard project={project} selectedSkills={filter.skills} />
                  </li>
                ))}
              </ol>
            ) : data.total === 0 ? (
              <EmptyResults filter={filter} clearHref={clearHref} labelOf={labelOf} />
            ) : (
              <p>
                <Link href={hrefFor(1)}>Go to the first page of results</Link>
              </p>
            )
          ) : catalog.status === "loading" ? (
            <CatalogSkeleton part="results" />
          ) : null}
          {data ? <Pager page={filter.page} last={last} hrefFor={hrefFor} /> : null}
        </section>
      </div>
    </div>
  );
}
