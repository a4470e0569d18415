import { Suspense } from "react";
import { Link } from "wouter";
import type { ProgramListResponse, ProgramSummary } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { ErrorPanel, Loading } from "../components/load-states.tsx";
import { TermCard } from "../components/term-card.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { HomeWork } from "../lazy-pages.ts";
import { useSession } from "../session/session.tsx";
import { countOf } from "../text.ts";

/** One program on the home page: its current term, status and next deadline. */
function ProgramCard({ program }: { program: ProgramSummary }) {
  const title = <Link href={pagePaths.program(program.slug)}>{program.name}</Link>;
  const footer = (
    <p className="muted small">
      <Link href={pagePaths.program(program.slug)}>{countOf(program.termCount, "term", "terms")}</Link> · apply to up to{" "}
      {countOf(program.applicationLimit, "project", "projects")} per term
    </p>
  );
  if (program.currentTerm)
    return (
      <TermCard term={program.currentTerm} title={title} className="program-card" primary>
        {footer}
      </TermCard>
    );
  return (
    <article className="card program-card">
      <h2 className="card-title">{title}</h2>
      <p className="muted">No terms yet.</p>
      {footer}
    </article>
  );
}

/**
 * The home page: every program with its current term and what is open now; above them, for a
 * signed-in person, what needs them now (loaded on demand, so visitors get the page as it was).
 */
export function ProgramsPage() {
  useDocumentTitle("Programs");
  const { session } = useSession();
  const programs = useApi<ProgramListResponse>("/api/programs");
  return (
    <div className="page">
      <h1>Mentorship programs</h1>
      <p className="lead">Paid, time-boxed mentorships in open source projects. Pick a program to see its terms, dates and projects.</p>
      {session.status === "signed-in" ? (
        <Suspense fallback={null}>
          <HomeWork me={session.me} />
        </Suspense>
      ) : null}
      {programs.error ? <ErrorPanel error={programs.error} onRetry={programs.reload} /> : null}
      {programs.data ? (
        programs.data.items.length === 0 ? (
          <p>No programs yet. An administrator adds them by importing a term page.</p>
        ) : (
          <div className="card-grid">
            {programs.data.items.map((program) => (
              <ProgramCard key={program.slug} program={program} />
            ))}
          </div>
        )
      ) : programs.status === "loading" ? (
        <Loading what="programs" />
      ) : null}
    </div>
  );
}
