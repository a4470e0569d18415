import { useEffect, useState } from "react";
import { Link } from "wouter";
import { PROPOSAL_STATES, type ProposalState } from "../../../../src/domain/proposal-states.ts";
import type { BulkAcceptBody, BulkAcceptResponse, ProposalBoardResponse, ProposalSummary } from "../../../../src/schemas/proposal.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FilterSelect, organizationOptions, stateOptions } from "../../components/filter-select.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useUrlParams } from "../../components/use-url-params.ts";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { countOf } from "../../text.ts";
import { proposalApi, proposalPages } from "../proposals/proposal-paths.ts";
import { mentorCounts, PROPOSAL_STATE_LABEL, PROPOSAL_STATE_TONE } from "../proposals/proposal-words.ts";
import { AdminFrame } from "./admin-frame.tsx";
import { ProposalDecisionPanel } from "./proposal-decision-panel.tsx";
import "../proposals/proposals.css";

/** The board's filters, all in the URL so a filtered board can be linked and survives a reload. */
const FILTERS = ["organization", "state", "unconfirmed", "pendingChange"] as const;

function isStateFilter(value: string | null): value is ProposalState | "all" {
  return value === "all" || PROPOSAL_STATES.some((state) => state === value);
}

/** The query string the board route takes, from the page's own. */
function boardQuery(params: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  return query.toString();
}

/** The quota of each organization and the slots against the budget, as a few lines a coordinator scans. */
function BoardCounts({ board }: { board: ProposalBoardResponse }) {
  const { accepted, budget } = board.slots;
  return (
    <div className="board-counts">
      <section aria-labelledby="slots-heading" className="panel">
        <h2 id="slots-heading">Slots</h2>
        <p className="big-number">
          {accepted}
          {budget !== null ? <span className="muted"> of {budget}</span> : null}
        </p>
        <p className="muted small">
          {budget === null
            ? "Slots accepted so far; the program sets no budget for this term."
            : accepted > budget
              ? `Accepted slots are ${accepted - budget} over the term's budget of ${budget} funded mentorships.`
              : `${countOf(budget - accepted, "slot", "slots")} of the term's budget left to accept.`}
        </p>
      </section>
      <section aria-labelledby="quota-heading" className="panel">
        <h2 id="quota-heading">Proposals per organization</h2>
        {board.organizations.length === 0 ? (
          <p className="muted">No organization has proposed yet.</p>
        ) : (
          <ul className="quota-list">
            {board.organizations.map((organization) => (
              <li key={organization.slug}>
                <span>{organization.name}</span>{" "}
                <span className={organization.quota !== null && organization.counted >= organization.quota ? "quota-full" : "muted"}>
                  {organization.counted}
                  {organization.quota !== null ? ` of ${organization.quota}` : ""} submitted
                  {organization.quota !== null && organization.counted >= organization.quota ? " · quota reached" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Organization, state and the two checkboxes, each change written to the URL at once. */
function BoardFilters({ board }: { board: ProposalBoardResponse }) {
  const [params, setParams] = useUrlParams();
  const state = params.get("state");
  return (
    <form className="filter-bar board-filters" aria-label="Filter proposals" onSubmit={(event) => event.preventDefault()}>
      <FilterSelect
        id="filter-organization"
        label="Organization"
        value={params.get("organization") ?? ""}
        options={organizationOptions(board.organizations)}
        onChange={(organization) => setParams({ organization, decide: null })}
      />
      <FilterSelect
        id="filter-state"
        label="State"
        value={isStateFilter(state) ? state : ""}
        options={stateOptions(PROPOSAL_STATES, PROPOSAL_STATE_LABEL, board.states)}
        onChange={(value) => setParams({ state: value, decide: null })}
      />
      <div className="check-row">
        <input
          type="checkbox"
          id="filter-unconfirmed"
          checked={params.get("unconfirmed") === "true"}
          onChange={(event) => setParams({ unconfirmed: event.target.checked ? "true" : null })}
        />
        <label htmlFor="filter-unconfirmed">Mentors not confirmed</label>
      </div>
      <div className="check-row">
        <input
          type="checkbox"
          id="filter-pending"
          checked={params.get("pendingChange") === "true"}
          onChange={(event) => setParams({ pendingChange: event.target.checked ? "true" : null })}
        />
        <label htmlFor="filter-pending">Pending changes</label>
      </div>
    </form>
  );
}

/** Whether a proposal can be accepted in a bulk accept: submitted (or asked to change) with a confirmed mentor. */
function acceptable(item: ProposalSummary): boolean {
  return (item.state === "submitted" || item.state === "changes_requested") && item.mentors.confirmed > 0;
}

function Board({ term }: { term: string }) {
  const [params, setParams] = useUrlParams();
  const board = useApi<ProposalBoardResponse>(proposalApi.board(term, boardQuery(params)));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkError, setBulkError] = useState<ApiError | null>(null);
  const [bulkResults, setBulkResults] = useState<BulkAcceptResponse | null>(null);
  const deciding = params.get("decide");

  useEffect(() => {
    if (deciding) document.getElementById("decision-panel")?.focus();
  }, [deciding]);

  const data = board.data;
  const items = data?.items ?? [];
  const titleOf = (slug: string) => items.find((item) => item.slug === slug)?.title ?? slug;
  const toggle = (slug: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(slug);
    else next.delete(slug);
    setSelected(next);
  };
  const bulkAccept = () => {
    const chosen = items.filter((item) => selected.has(item.slug));
    setBulkBusy(true);
    setBulkError(null);
    setBulkResults(null);
    const body = { proposals: chosen.map((item) => ({ slug: item.slug, slots: item.slotsRequested })) } satisfies BulkAcceptBody;
    sendJson<BulkAcceptResponse>("POST", proposalApi.bulkAccept(term), body).then(
      (results) => {
        setBulkBusy(false);
        setBulkResults(results);
        setSelected(new Set(results.results.filter((result) => !result.ok).map((result) => result.slug)));
        board.reload();
      },
      (caught: unknown) => {
        setBulkBusy(false);
        setBulkError(asApiError(caught));
      },
    );
  };

  const columns: Column<ProposalSummary>[] = [
    {
      key: "select",
      header: "Select",
      headerHidden: true,
      className: "cell-select",
      cell: (item) =>
        acceptable(item) ? (
          <input
            type="checkbox"
            className="row-select"
            aria-label={`Select “${item.title}” for bulk accept`}
            checked={selected.has(item.slug)}
            onChange={(event) => toggle(item.slug, event.target.checked)}
          />
        ) : null,
    },
    {
      key: "title",
      header: "Project",
      rowHeader: true,
      className: "cell-wrap",
      cell: (item) => <Link href={proposalPages.proposal(item.slug)}>{item.title || "Untitled"}</Link>,
      compare: (a, b) => a.title.localeCompare(b.title),
    },
    {
      key: "organization",
      header: "Organization",
      cell: (item) => item.organization.name,
      compare: (a, b) => a.organization.name.localeCompare(b.organization.name),
    },
    {
      key: "state",
      header: "State",
      cell: (item) => (
        <>
          <Chip tone={PROPOSAL_STATE_TONE[item.state]}>{PROPOSAL_STATE_LABEL[item.state]}</Chip>
          {item.hasPendingChange ? (
            <>
              {" "}
              <Chip tone="closing">Pending change</Chip>
            </>
          ) : null}
        </>
      ),
      compare: (a, b) => PROPOSAL_STATES.indexOf(a.state) - PROPOSAL_STATES.indexOf(b.state),
    },
    { key: "mentors", header: "Mentors", cell: (item) => mentorCounts(item.mentors), compare: (a, b) => a.mentors.confirmed - b.mentors.confirmed },
    {
      key: "slots",
      header: "Slots",
      cell: (item) => (item.state === "accepted" ? `${item.slots} accepted` : `${item.slotsRequested} asked`),
      compare: (a, b) => a.slotsRequested - b.slotsRequested,
    },
    {
      key: "decide",
      header: "Decide",
      headerHidden: true,
      className: "cell-action",
      cell: (item) =>
        item.state === "submitted" || item.state === "changes_requested" || item.hasPendingChange ? (
          <button type="button" className="button" onClick={() => setParams({ decide: item.slug })}>
            Decide<span className="visually-hidden"> on “{item.title}”</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      {board.error ? <ErrorPanel error={board.error} onRetry={board.reload} /> : null}
      {!data ? (
        board.status === "loading" ? (
          <Loading what="the proposals" />
        ) : null
      ) : (
        <>
          <div className="board-head">
            <p className="lead board-term">
              {data.term.title}
              {data.term.published ? null : (
                <>
                  {" "}
                  <Chip tone="neutral">Draft, not public</Chip>
                </>
              )}
            </p>
            <a className="button" href={proposalApi.termPage(term)} download>
              Export term page (Markdown)
            </a>
          </div>
          <BoardCounts board={data} />
          <BoardFilters board={data} />
          {deciding ? <ProposalDecisionPanel key={deciding} slug={deciding} onDecided={board.reload} onClose={() => setParams({ decide: null })} /> : null}
          <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">Proposals ({items.length})</h2>
            {bulkResults ? (
              <Notice title={`Bulk accept: ${bulkResults.results.filter((result) => result.ok).length} of ${bulkResults.results.length} accepted`}>
                <ul className="plain-list">
                  {bulkResults.results.map((result) => (
                    <li key={result.slug}>
                      “{titleOf(result.slug)}”:{" "}
                      {result.ok ? "accepted with the slots it asked for" : `not accepted: ${result.message ?? result.code ?? "refused"}`}
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <FormError id="bulk" error={bulkError} />
            <div className="bulk-bar">
              <button type="button" className="button button-primary" disabled={bulkBusy || selected.size === 0} onClick={bulkAccept}>
                {selected.size > 0 ? `Accept ${countOf(selected.size, "selected proposal", "selected proposals")}` : "Accept the selected proposals"}
              </button>
              <span className="muted small">Each with the slots it asked for. Only submitted proposals with a confirmed mentor can be selected.</span>
            </div>
            <DataTable
              caption={`Proposals of ${data.term.title}`}
              columns={columns}
              rows={items}
              rowKey={(item) => item.slug}
              rowClassName="proposal-row"
              empty={
                boardQuery(params) ? (
                  <p>
                    No proposal matches these filters.{" "}
                    <button type="button" className="link-button" onClick={() => setParams(Object.fromEntries(FILTERS.map((name) => [name, null])))}>
                      Clear the filters
                    </button>
                  </p>
                ) : (
                  <p>No proposals yet. Maintainers propose projects while the term's proposals phase is open.</p>
                )
              }
            />
          </section>
        </>
      )}
    </>
  );
}

/** `/admin/:program/terms/:term/proposals`: a term's proposals for its admins, with the decisions on each and the export. */
export function ProposalBoardPage({ program, term }: { program: string; term: string }) {
  return (
    <AdminFrame program={program} title="Proposals">
      {() => <Board term={term} />}
    </AdminFrame>
  );
}
