import { Link } from "wouter";
import type { ProjectDetail, TermDetail } from "../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";
import { ApplicantBand } from "../catalog/applicant-band.tsx";
import { SimilarProjects } from "../catalog/similar-projects.tsx";
import { ApplyPanel } from "../components/apply-panel.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { ErrorPanel, Loading } from "../components/load-states.tsx";
import { MentorList } from "../components/mentor-list.tsx";
import { ServerSanitizedHtml } from "../components/server-sanitized-html.tsx";
import { useDocumentTitle } from "../components/use-document-title.ts";
import { NotFoundPage } from "./not-found-page.tsx";

/** A link's text without the scheme, so a long issue URL reads as "github.com/goharbor/harbor/issues/1". */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A project's page: what it is about, who mentors it, its issues, and the apply panel. */
export function ProjectPage({ project: slug }: { project: string }) {
  const project = useApi<ProjectDetail>(apiPaths.project(slug));
  const termSlug = project.data?.term.slug ?? null;
  // The term gives the program's name and link, which the project itself does not carry.
  const term = useApi<TermDetail>(termSlug ? apiPaths.term(termSlug) : null);
  useDocumentTitle(project.error?.notFound ? "Not found" : project.data ? `${project.data.title} · ${project.data.term.title}` : null);
  if (project.error?.notFound) return <NotFoundPage what="project" detail={project.error.message} />;
  const data = project.data;
  if (!data)
    return <div className="page">{project.error ? <ErrorPanel error={project.error} onRetry={project.reload} /> : <Loading what="the project" />}</div>;
  const issues = data.upstreamIssues.filter(isHttpUrl);

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: "Programs", href: pagePaths.home() },
          ...(term.data ? [{ label: term.data.programName, href: pagePaths.program(term.data.programSlug) }] : []),
          { label: data.term.title, href: pagePaths.term(data.term.slug) },
          { label: "Projects", href: pagePaths.catalog(data.term.slug) },
          { label: data.title },
        ]}
      />
      <header className="page-head">
        <h1>{data.title}</h1>
        <p className="meta">
          <span>
            Organization: <strong>{data.organization.name}</strong>
          </span>
          <span>
            Term: <Link href={pagePaths.term(data.term.slug)}>{data.term.title}</Link>
          </span>
          {term.data ? (
            <span>
              Program: <Link href={pagePaths.program(term.data.programSlug)}>{term.data.programName}</Link>
            </span>
          ) : null}
          <ApplicantBand applicants={data.applicants} capReached={data.capReached} />
        </p>
      </header>
      {project.error ? <ErrorPanel error={project.error} onRetry={project.reload} /> : null}
      <div className="project-layout">
        {/* First in the document, so that phones show it and keyboards reach it before the long description. */}
        <ApplyPanel project={data} onElapsed={project.reload} />
        <div className="project-main">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            {data.descriptionHtml ? <ServerSanitizedHtml html={data.descriptionHtml} /> : <p className="muted">No description given.</p>}
          </section>
          <section aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">Expected outcome</h2>
            {data.expectedOutcomeHtml ? <ServerSanitizedHtml html={data.expectedOutcomeHtml} /> : <p className="muted">Not stated.</p>}
          </section>
          <section aria-labelledby="skills-heading">
            <h2 id="skills-heading">Recommended skills</h2>
            {data.skills.length > 0 ? (
              <ul className="skill-chips">
                {data.skills.map((skill) => (
                  <li key={skill.tag} className="skill">
                    <Link href={pagePaths.catalog(data.term.slug, new URLSearchParams({ skill: skill.tag }).toString())}>{skill.label}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {data.skillsText ? <p className="muted small">As written: {data.skillsText}</p> : null}
          </section>
          <section aria-labelledby="mentors-heading">
            <h2 id="mentors-heading">Mentors</h2>
            <MentorList mentors={data.mentors} />
          </section>
          <section aria-labelledby="issues-heading">
            <h2 id="issues-heading">Upstream issues</h2>
            {issues.length > 0 ? (
              <ul className="link-list">
                {issues.map((url) => (
                  <li key={url}>
                    <a href={url} rel="noopener noreferrer">
                      {shortUrl(url)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No upstream issue linked.</p>
            )}
          </section>
          <SimilarProjects similar={data.similar} />
        </div>
      </div>
    </div>
  );
}
