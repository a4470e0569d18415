import { Link } from "wouter";
import type { ProjectApplicationItem, ProjectApplicationsResponse } from "../../../../src/schemas/application-board.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { ApplicationCounts } from "./application-counts.tsx";
import { boardApi, boardPages } from "./board-paths.ts";
import "./mentoring.css";

function Applications({ project }: { project: string }) {
  const found = useApi<ProjectApplicationsResponse>(boardApi.projectApplications(project));
  if (found.error) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the applications" />;
  const data = found.data;
  const columns: Column<ProjectApplicationItem>[] = [
    {
      key: "applicant",
      header: "Applicant",
      rowHeader: true,
      cell: (item) => (
        <Link href={pagePaths.application(item.id)}>
          {item.applicant.name}
          {item.applicant.pronouns ? <span className="muted"> ({item.applicant.pronouns})</span> : null}
        </Link>
      ),
      compare: (a, b) => a.applicant.name.localeCompare(b.applicant.name),
    },
    {
      key: "github",
      header: "GitHub",
      cell: (item) => (item.applicant.githubHandle ? `@${item.applicant.githubHandle}` : <span className="muted">none given</span>),
    },
    {
      key: "submitted",
      header: "Submitted",
      cell: (item) => (item.submittedAt ? formatDateTime(new Date(item.submittedAt), viewerTimeZone()) : ""),
      compare: (a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""),
    },
    { key: "state", header: "State", cell: (item) => item.stateLabel },
  ];
  return (
    <>
      <p className="card-org">
        <Link href={pagePaths.project(data.project.slug)}>{data.project.title}</Link> · {data.project.organization.name} · {data.project.term.title}
      </p>
      <ApplicationCounts item={data} />
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">Submitted applications ({data.items.length})</h2>
        <p className="muted small">Read-only: reviewing and scoring come later. Drafts and withdrawn applications stay with their applicants.</p>
        <DataTable
          caption={`Applications to ${data.project.title}`}
          columns={columns}
          rows={data.items}
          rowKey={(item) => item.id}
          empty={<p>Nobody has submitted an application yet.</p>}
        />
      </section>
      <p>
        <Link href={boardPages.mentoring()}>Back to your projects</Link>
      </p>
    </>
  );
}

/** `/projects/:project/applications`: a project's submitted applications, read-only, for its mentors and the program's admins. */
export function ProjectApplicationsPage({ project }: { project: string }) {
  useDocumentTitle("Applications");
  return (
    <RequireSignIn title="Applications">
      {() => (
        <div className="page">
          <h1>Applications</h1>
          <Applications project={project} />
        </div>
      )}
    </RequireSignIn>
  );
}
