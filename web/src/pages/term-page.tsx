import { Link } from "wouter";
import type { FunnelStep } from "../../../src/domain/term-report.ts";
import type { TermDetail } from "../../../src/schemas/catalog.ts";
import type { TermInNumbers } from "../../../src/schemas/term-report.ts";
import { apiPaths, pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { DeadlineSummary } from "../components/deadline-summary.tsx";
import { ErrorPanel, Loading } from "../components/load-states.tsx";
import { TermNextStep } from "../components/term-next-step.tsx";
import { TermStatusChip } from "../components/term-status-chip.tsx";
import { Timeline } from "../components/timeline.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { useSession } from "../session/session.tsx";
import { describeZone } from "../time/zones.ts";
import { NotFoundPage } from "./not-found-page.tsx";
import { proposalPages } from "./proposals/proposal-paths.ts";
import { TermAlumni } from "./term-alumni.tsx";

/** The organizations, projects and mentors of the term, as three numbers. */
function TermCounts({ counts }: { counts: TermDetail["counts"] }) {
  return (
    <dl className="counts">
      <div>
        <dt>Organizations</dt>
        <dd>{counts.organizations}</dd>
      </div>
      <div>
        <dt>Projects</dt>
        <dd>{counts.projects}</dd>
      </div>
      <div>
        <dt>Mentors</dt>
        <dd>{counts.mentors}</dd>
      </div>
    </dl>
  );
}

/** The steps the public summary shows: who applied, and what became of it. */
const SUMMARY_STEPS: ReadonlyArray<FunnelStep> = ["acceptedProjects", "applicants", "applications", "accepted", "completed"];

/** "This term in numbers": counts over the whole term, shown once someone applied; nobody is named. */
function TermInNumbersSection({ term }: { term: string }) {
  const summary = useApi<TermInNumbers>(apiPaths.termSummary(term));
  const steps = summary.data?.funnel ?? [];
  if ((steps.find((step) => step.step === "applications")?.count ?? 0) === 0) return null;
  return (
    <section aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">This term in numbers</h2>
      <dl className="counts counts-wide">
        {steps
          .filter((step) => SUMMARY_STEPS.includes(step.step))
          .map((step) => (
            <div key={step.step}>
              <dt>{step.label}</dt>
              <dd>{step.count}</dd>
            </div>
          ))}
      </dl>
      <p className="muted small">Counts over the whole term, drafts aside; they name and describe no one.</p>
    </section>
  );
}

/** "Propose a project" for each organization the signed-in person maintains in the term's program, while proposals are open. */
function ProposeLinks({ term }: { term: TermDetail }) {
  const { session } = useSession();
  if (term.status !== "proposals_open" || session.status !== "signed-in") return null;
  const organizations = session.me.roles.flatMap((role) =>
    role.role === "maintainer" && role.program.slug === term.programSlug && role.organization ? [role.organization] : [],
  );
  if (organizations.length === 0) return null;
  return (
    <p className="actions">
      {organizations.map((organization) => (
        <Link key={organization.slug} href={proposalPages.new(term.slug, organization.slug)} className="button button-primary">
          Propose a project{organizations.length > 1 ? ` for ${organization.name}` : <span className="visually-hidden"> for {organization.name}</span>}
        </Link>
      ))}
    </p>
  );
}

/** A term's page: status, what happens next and by when, the timeline, and the way to the projects. */
export function TermPage({ term: slug }: { term: string }) {
  const term = useApi<TermDetail>(apiPaths.term(slug));
  useDocumentTitle(term.error?.notFound ? "Not found" : term.data ? `${term.data.title} · ${term.data.programName}` : null);
  if (term.error?.notFound) return <NotFoundPage what="term" detail={term.error.message} />;
  const data = term.data;
  if (!data) return <div className="page">{term.error ? <ErrorPanel error={term.error} onRetry={term.reload} /> : <Loading what="the term" />}</div>;

  return (
    <div className="page">
      <Breadcrumbs
        items={[{ label: "Programs", href: pagePaths.home() }, { label: data.programName, href: pagePaths.program(data.programSlug) }, { label: data.title }]}
      />
      <header className="page-head">
        <h1>{data.title}</h1>
        <p className="meta">
          <TermStatusChip term={data} />
          <span>Term time zone: {describeZone(data.timeZone)}</span>
          {data.lengthText ? <span>{data.lengthText}</span> : null}
        </p>
      </header>
      {term.error ? <ErrorPanel error={term.error} onRetry={term.reload} /> : null}
      <div className="term-layout">
        <section className="panel now-panel" aria-labelledby="next-heading">
          <h2 id="next-heading">{data.nextDeadline ? "What happens next" : "Where this term stands"}</h2>
          {data.nextDeadline ? <DeadlineSummary term={data} live onElapsed={term.reload} /> : null}
          <TermNextStep term={data} />
          <ProposeLinks term={data} />
        </section>
        <section aria-labelledby="counts-heading" className="counts-section">
          <h2 id="counts-heading" className="visually-hidden">
            Organizations, projects and mentors
          </h2>
          <TermCounts counts={data.counts} />
        </section>
      </div>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {data.phases.length === 0 ? <p>This term has no dates yet.</p> : <Timeline phases={data.phases} timeZone={data.timeZone} now={new Date()} />}
      </section>
      <TermInNumbersSection term={data.slug} />
      <TermAlumni term={data.slug} />
    </div>
  );
}
