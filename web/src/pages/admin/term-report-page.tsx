import type { ReactNode } from "react";
import { Link } from "wouter";
import type { TermReportTable } from "../../../../src/domain/term-report.ts";
import type { ProjectCrowding, SkillDemand, TermReport } from "../../../../src/schemas/term-report.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FunnelChart } from "../../components/funnel-chart.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { reportApi } from "./report-paths.ts";
import "./term-report.css";

type FunnelRow = TermReport["funnel"][number];

/** "Download CSV" of one table, every row of it, named for screen readers. */
function CsvLink({ term, table, what }: { term: string; table: TermReportTable; what: string }) {
  return (
    <a className="button" href={reportApi.csv(term, table)} download>
      Download CSV<span className="visually-hidden"> of {what}</span>
    </a>
  );
}

/** A section's heading with its CSV link beside it. */
function SectionHead({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="report-section-head">
      <h2 id={id}>{title}</h2>
      {children}
    </div>
  );
}

const FUNNEL_COLUMNS: Column<FunnelRow>[] = [
  { key: "step", header: "Step", rowHeader: true, cell: (row) => row.label },
  { key: "count", header: "Count", className: "cell-number", cell: (row) => row.count },
  {
    key: "share",
    header: "Share",
    cell: (row) => <StepShare row={row} />,
  },
];

/** A step's share of the step it is measured against, in words: "40% of shortlisted". */
function StepShare({ row }: { row: FunnelRow }) {
  if (row.base === null) return <span className="muted">—</span>;
  if (row.percentOfBase === null) return <span className="muted">none reached {STEP_WORDS[row.base]}</span>;
  return (
    <>
      {row.percentOfBase}% of {STEP_WORDS[row.base]}
    </>
  );
}

/** The steps as a share names them. */
const STEP_WORDS: Record<NonNullable<FunnelRow["base"]>, string> = {
  proposals: "proposals",
  acceptedProjects: "accepted projects",
  applicants: "applicants",
  applications: "applications",
  shortlisted: "shortlisted",
  offers: "offers",
  accepted: "accepted offers",
  midtermPassed: "midterm passes",
  completed: "completed",
  paid: "paid",
};

const PROJECT_COLUMNS: Column<ProjectCrowding>[] = [
  { key: "project", header: "Project", rowHeader: true, cell: (row) => <Link href={pagePaths.project(row.slug)}>{row.title}</Link> },
  { key: "organization", header: "Organization", cell: (row) => row.organization },
  { key: "applications", header: "Applications", className: "cell-number", cell: (row) => row.applications },
];

/** Two bars: projects asking and applicants listing, each against the largest of its kind. Decorative: the numbers are in their cells. */
function SkillBars({ skill, most }: { skill: SkillDemand; most: { projects: number; applicants: number } }) {
  const width = (value: number, largest: number) => `${largest === 0 || value === 0 ? 0 : Math.max((value / largest) * 100, 1)}%`;
  return (
    <svg className="skill-bars" width="100%" height="22" aria-hidden="true" focusable="false">
      <rect className="skill-bar-track" x="0" y="1" width="100%" height="8" rx="2" />
      <rect className="skill-bar-asked" x="0" y="1" width={width(skill.projects, most.projects)} height="8" rx="2" />
      <rect className="skill-bar-track" x="0" y="13" width="100%" height="8" rx="2" />
      <rect className="skill-bar-held" x="0" y="13" width={width(skill.applicants, most.applicants)} height="8" rx="2" />
    </svg>
  );
}

function Report({ program, term }: { program: string; term: string }) {
  const found = useApi<TermReport>(reportApi.report(term));
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the report" />;
  const report = found.data;
  const most = {
    projects: Math.max(0, ...report.skills.items.map((skill) => skill.projects)),
    applicants: Math.max(0, ...report.skills.items.map((skill) => skill.applicants)),
  };
  const skillColumns: Column<SkillDemand>[] = [
    { key: "skill", header: "Skill", rowHeader: true, cell: (row) => row.label },
    { key: "projects", header: "Projects asking", className: "cell-number", cell: (row) => row.projects },
    { key: "applicants", header: "Applicants listing it", className: "cell-number", cell: (row) => row.applicants },
    { key: "bars", header: "Asked and held", headerHidden: true, className: "cell-bars", cell: (row) => <SkillBars skill={row} most={most} /> },
  ];
  const projectsNote =
    report.projects.total > report.projects.mostCrowded.length + report.projects.leastCrowded.length
      ? `The ${report.projects.mostCrowded.length} most and ${report.projects.leastCrowded.length} least crowded of ${report.projects.total} accepted projects; the CSV lists every one.`
      : `All ${report.projects.total} accepted projects.`;

  return (
    <>
      <div className="applications-head">
        <p className="lead">
          {report.term.title} · <Link href={adminPaths.term(program, term)}>term setup</Link>
        </p>
        <p className="muted small">Counted {formatDateTime(new Date(report.generatedAt), viewerTimeZone())}. Drafts are never counted.</p>
      </div>

      <section aria-labelledby="funnel-heading">
        <SectionHead id="funnel-heading" title="From proposals to paid stipends">
          <CsvLink term={term} table="funnel" what="the funnel" />
        </SectionHead>
        <div className="panel report-chart">
          <FunnelChart steps={report.funnel} title={`${report.term.title}, from proposals to paid stipends`} />
        </div>
        <DataTable
          caption="Each step of the term with its count and its share of the step it follows"
          columns={FUNNEL_COLUMNS}
          rows={report.funnel}
          rowKey={(row) => row.step}
          empty={null}
          className="report-table"
        />
      </section>

      <section aria-labelledby="projects-heading">
        <SectionHead id="projects-heading" title="Applications per project">
          <CsvLink term={term} table="projects" what="applications per project" />
        </SectionHead>
        <p className="muted small">{projectsNote}</p>
        <h3 id="most-crowded-heading">Most crowded</h3>
        <DataTable
          caption="The most crowded projects, most applications first"
          columns={PROJECT_COLUMNS}
          rows={report.projects.mostCrowded}
          rowKey={(row) => row.slug}
          empty={<p>The term has no accepted project yet.</p>}
          className="report-table"
        />
        {report.projects.leastCrowded.length > 0 ? (
          <>
            <h3 id="least-crowded-heading">Least crowded</h3>
            <DataTable
              caption="The least crowded projects, fewest applications first"
              columns={PROJECT_COLUMNS}
              rows={report.projects.leastCrowded}
              rowKey={(row) => row.slug}
              empty={null}
              className="report-table"
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="skills-heading">
        <SectionHead id="skills-heading" title="Skills asked for and held">
          <CsvLink term={term} table="skills" what="skills asked for and held" />
        </SectionHead>
        <p className="muted small">
          How many accepted projects ask for each skill <span className="skill-key skill-key-asked">(upper bar)</span>, against how many of the term's
          applicants list it on their profile <span className="skill-key skill-key-held">(lower bar)</span>
          {report.skills.total > report.skills.items.length ? `; the ${report.skills.items.length} most asked for of ${report.skills.total}` : ""}.
        </p>
        <DataTable
          caption="Skills the accepted projects ask for, against the applicants who list them"
          columns={skillColumns}
          rows={report.skills.items}
          rowKey={(row) => row.tag}
          empty={<p>No accepted project names a skill yet.</p>}
          className="report-table"
        />
      </section>
    </>
  );
}

/** `/admin/:program/terms/:term/report`: the term in numbers for its admins, each table also as CSV. */
export function TermReportPage({ program, term }: { program: string; term: string }) {
  return (
    <AdminFrame program={program} title="Term report">
      {() => <Report program={program} term={term} />}
    </AdminFrame>
  );
}
