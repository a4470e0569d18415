import type { ProgramListResponse, TermListResponse } from "../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ErrorPanel, Loading } from "../components/load-states.tsx";
import { TermCard } from "../components/term-card.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { NotFoundPage } from "./not-found-page.tsx";

/** A program's page: its terms, newest first, each with its status. */
export function ProgramPage({ program }: { program: string }) {
  const terms = useApi<TermListResponse>(apiPaths.programTerms(program));
  const programs = useApi<ProgramListResponse>(apiPaths.programs());
  const summary = programs.data?.items.find((item) => item.slug === program);
  const name = summary?.name ?? (programs.status === "ok" ? program : null);
  useDocumentTitle(terms.error?.notFound ? "Not found" : name);

  if (terms.error?.notFound) return <NotFoundPage what="program" detail={terms.error.message} />;
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: "Programs", href: pagePaths.home() }, { label: name ?? "Program" }]} />
      <h1>{name ?? "Program"}</h1>
      {summary ? (
        <p className="lead">
          Terms of this program, newest first. Times are in each term's zone and yours. Applicants may apply to up to {summary.applicationLimit} projects per
          term.
        </p>
      ) : null}
      {terms.error ? <ErrorPanel error={terms.error} onRetry={terms.reload} /> : null}
      {terms.data ? (
        terms.data.items.length === 0 ? (
          <p>This program has no terms yet.</p>
        ) : (
          <ol className="term-list">
            {terms.data.items.map((term) => (
              <TermCard key={term.slug} term={term} as="li" />
            ))}
          </ol>
        )
      ) : terms.status === "loading" ? (
        <Loading what="terms" />
      ) : null}
    </div>
  );
}
