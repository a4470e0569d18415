import { Link } from "wouter";
import type { ProgramListResponse, TermListItem, TermListResponse } from "../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ErrorPanel, Loading } from "../components/load-states.tsx";
import { TermCard } from "../components/term-card.tsx";
import { TermStatusChip } from "../components/term-status-chip.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { formatDateRange, yearOfLastDay } from "../time/format-date.ts";
import { NotFoundPage } from "./not-found-page.tsx";

const NO_DATES = "Dates unknown";

/** The terms grouped by the year of their last day, newest year first; terms without dates last. */
function byYear(terms: readonly TermListItem[]): Array<{ year: string; terms: TermListItem[] }> {
  const groups = new Map<string, TermListItem[]>();
  for (const term of terms) {
    const year = term.endsAt ? yearOfLastDay(term.endsAt, term.timeZone) : NO_DATES;
    groups.set(year, [...(groups.get(year) ?? []), term]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_DATES ? 1 : b === NO_DATES ? -1 : b.localeCompare(a)))
    .map(([year, list]) => ({ year, terms: list }));
}

function yearId(year: string): string {
  return `year-${year.toLowerCase().replace(/\W+/g, "-")}`;
}

/** One term on a line: its title, dates, status and number of projects. */
function TermRow({ term }: { term: TermListItem }) {
  return (
    <li className="term-row">
      <Link href={pagePaths.term(term.slug)} className="term-row-title">
        {term.title}
      </Link>
      <span className="term-row-dates">{term.startsAt && term.endsAt ? formatDateRange(term.startsAt, term.endsAt, term.timeZone) : NO_DATES}</span>
      <TermStatusChip term={term} />
      {term.projectCount > 0 ? (
        <Link href={pagePaths.catalog(term.slug)} className="term-row-projects">
          {term.projectCount === 1 ? "1 project" : `${term.projectCount} projects`}
          <span className="visually-hidden"> of {term.title}</span>
        </Link>
      ) : (
        <span className="term-row-projects muted">No projects yet</span>
      )}
    </li>
  );
}

/** A program's page: its current term as a card, then every term by year in a compact list. */
export function ProgramPage({ program }: { program: string }) {
  const terms = useApi<TermListResponse>(apiPaths.programTerms(program));
  const programs = useApi<ProgramListResponse>(apiPaths.programs());
  const summary = programs.data?.items.find((item) => item.slug === program);
  const name = summary?.name ?? (programs.status === "ok" ? program : null);
  useDocumentTitle(terms.error?.notFound ? "Not found" : name);

  if (terms.error?.notFound) return <NotFoundPage what="program" detail={terms.error.message} />;
  const current = summary?.currentTerm ?? null;
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: "Programs", href: pagePaths.home() }, { label: name ?? "Program" }]} />
      <h1>{name ?? "Program"}</h1>
      {summary ? (
        <p className="lead">Times are in each term's zone and yours. Applicants may apply to up to {summary.applicationLimit} projects per term.</p>
      ) : null}
      {terms.error ? <ErrorPanel error={terms.error} onRetry={terms.reload} /> : null}
      {current ? (
        <TermCard term={current} title={current.status === "complete" ? "Latest term" : "Current term"} className="term-card current-term" primary />
      ) : null}
      {terms.data ? (
        terms.data.items.length === 0 ? (
          <p>This program has no terms yet.</p>
        ) : (
          <section aria-labelledby="terms-heading">
            <h2 id="terms-heading">All terms</h2>
            {byYear(terms.data.items).map((group) => (
              <section key={group.year} aria-labelledby={yearId(group.year)} className="term-year">
                <h3 id={yearId(group.year)}>{group.year}</h3>
                <ul className="term-rows">
                  {group.terms.map((term) => (
                    <TermRow key={term.slug} term={term} />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        )
      ) : terms.status === "loading" ? (
        <Loading what="terms" />
      ) : null}
    </div>
  );
}
