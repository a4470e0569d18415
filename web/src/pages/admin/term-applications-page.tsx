import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { APPLICATION_STATE_LABELS, APPLICATION_STATES } from "../../../../src/domain/application-states.ts";
import type { TermApplicationItem, TermApplicationsResponse } from "../../../../src/schemas/application-board.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Pager } from "../../catalog/pager.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FilterSelect, organizationOptions, stateOptions } from "../../components/filter-select.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useUrlParams } from "../../components/use-url-params.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { boardApi, boardPages } from "../mentoring/board-paths.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import "../mentoring/mentoring.css";

/** The list's filters, all in the URL so a filtered list can be linked and exported as it is. */
const FILTERS = ["state", "organization", "project", "q", "eligibility"] as const;

const ELIGIBILITY_LABELS = { eligible: "Eligible", not_eligible: "Not eligible", unanswered: "Not answered" } as const;

/** The filters of the page's query string, as the API's list and its export take them. */
function filterQuery(params: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  return query;
}

function Filters({ data }: { data: TermApplicationsResponse }) {
  const [params, setParams] = useUrlParams();
  const [words, setWords] = useState(params.get("q") ?? "");
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams({ q: words.trim(), page: null });
  };
  return (
    <form className="filter-bar board-filters" aria-label="Filter applications" onSubmit={search}>
      <div className="field">
        <label htmlFor="filter-q">Applicant</label>
        <input
          id="filter-q"
          className="input"
          type="search"
          value={words}
          placeholder="Name, GitHub handle or email"
          onChange={(event) => setWords(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Search
      </button>
      <FilterSelect
        id="filter-state"
        label="State"
        value={params.get("state") ?? ""}
        options={stateOptions(APPLICATION_STATES, APPLICATION_STATE_LABELS, data.states)}
        onChange={(state) => setParams({ state, page: null })}
      />
      <FilterSelect
        id="filter-organization"
        label="Organization"
        value={params.get("organization") ?? ""}
        options={organizationOptions(data.organizations)}
        onChange={(organization) => setParams({ organization, page: null })}
      />
      <FilterSelect
        id="filter-eligibility"
        label="Eligibility"
        value={params.get("eligibility") ?? ""}
        options={[{ value: "", label: "Any" }, ...Object.entries(ELIGIBILITY_LABELS).map(([value, label]) => ({ value, label }))]}
        onChange={(eligibility) => setParams({ eligibility, page: null })}
      />
    </form>
  );
}

function Applications({ program, term }: { program: string; term: string }) {
  const [params, setParams] = useUrlParams();
  const filters = filterQuery(params);
  const listQuery = new URLSearchParams(filters);
  const page = Number(params.get("page") ?? "1");
  if (Number.isInteger(page) && page > 1) listQuery.set("page", String(page));
  const found = useApi<TermApplicationsResponse>(boardApi.termApplications(term, listQuery.toString()));
  if (found.error) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the applications" />;
  const data = found.data;
  const zone = viewerTimeZone();
  const columns: Column<TermApplicationItem>[] = [
    {
      key: "applicant",
      header: "Applicant",
      rowHeader: true,
      className: "cell-wrap",
      cell: (item) => (
        <>
          <Link href={pagePaths.application(item.id)}>{item.applicant.name}</Link>
          {item.applicant.pronouns ? <span className="muted"> ({item.applicant.pronouns})</span> : null}
          <br />
          <span className="muted small">
            {item.applicant.email ?? "no email"}
            {item.applicant.githubHandle ? ` · @${item.applicant.githubHandle}` : ""}
          </span>
        </>
      ),
    },
    {
      key: "project",
      header: "Project",
      className: "cell-wrap",
      cell: (item) => (
        <>
          <Link href={boardPages.projectApplications(item.project.slug)}>{item.project.title}</Link>
          <br />
          <span className="muted small">{item.project.organization.name}</span>
        </>
      ),
    },
    { key: "state", header: "State", cell: (item) => item.stateLabel },
    { key: "eligibility", header: "Eligibility", cell: (item) => ELIGIBILITY_LABELS[item.eligibility] },
    {
      key: "submitted",
      header: "Submitted",
      cell: (item) => (item.submittedAt ? formatDateTime(new Date(item.submittedAt), zone) : <span className="muted">not submitted</span>),
    },
  ];
  const last = Math.max(1, Math.ceil(data.total / data.limit));
  const hrefFor = (number: number) => {
    const next = new URLSearchParams(filters);
    if (number > 1) next.set("page", String(number));
    return boardPages.termApplications(program, term, next.toString());
  };
  return (
    <>
      <div className="applications-head">
        <p className="lead">
          {data.term.title} · <Link href={adminPaths.term(program, term)}>term setup</Link>
        </p>
        <a className="button" href={boardApi.termApplicationsCsv(term, filters.toString())} download>
          Export CSV<span className="visually-hidden"> of the applications these filters show</span>
        </a>
      </div>
      <Filters data={data} />
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">Applications ({data.total})</h2>
        <DataTable
          caption={`Applications of ${data.term.title}`}
          columns={columns}
          rows={data.items}
          rowKey={(item) => item.id}
          empty={
            filters.toString() ? (
              <p>
                No application matches these filters.{" "}
                <button type="button" className="link-button" onClick={() => setParams(Object.fromEntries([...FILTERS, "page"].map((name) => [name, null])))}>
                  Clear the filters
                </button>
              </p>
            ) : (
              <p>No applications yet. Applicants apply while the term's applications phase is open.</p>
            )
          }
        />
        <Pager page={data.page} last={last} hrefFor={hrefFor} />
      </section>
    </>
  );
}

/** `/admin/:program/terms/:term/applications`: every application of a term for its admins, with filters in the URL and a CSV export. */
export function TermApplicationsPage({ program, term }: { program: string; term: string }) {
  return (
    <AdminFrame program={program} title="Applications">
      {() => <Applications program={program} term={term} />}
    </AdminFrame>
  );
}
