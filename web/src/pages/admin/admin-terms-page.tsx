import { Link } from "wouter";
import type { TermListItem, TermListResponse } from "../../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { TermStatusChip } from "../../components/term-status-chip.tsx";
import { formatDateRange } from "../../time/format-date.ts";
import { boardPages } from "../mentoring/board-paths.ts";
import { proposalPages } from "../proposals/proposal-paths.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { selectionPage } from "./selection-paths.ts";
import { DraftChip } from "./term-status.tsx";

/** The program's terms, each leading to its setup page; drafts say so. */
function columns(program: string): Column<TermListItem>[] {
  return [
    {
      key: "title",
      header: "Term",
      rowHeader: true,
      cell: (term) => <Link href={adminPaths.term(program, term.slug)}>{term.title}</Link>,
      compare: (a, b) => a.title.localeCompare(b.title),
    },
    {
      key: "status",
      header: "Status",
      cell: (term) => (term.draft ? <DraftChip /> : <TermStatusChip term={term} />),
    },
    {
      key: "dates",
      header: "Dates",
      cell: (term) => (term.startsAt && term.endsAt ? formatDateRange(term.startsAt, term.endsAt, term.timeZone) : <span className="muted">No dates yet</span>),
      compare: (a, b) => (a.startsAt ?? "").localeCompare(b.startsAt ?? ""),
    },
    {
      key: "proposals",
      header: "Proposals",
      cell: (term) => (
        <Link href={proposalPages.board(program, term.slug)}>
          Proposal board<span className="visually-hidden"> of {term.title}</span>
        </Link>
      ),
    },
    {
      key: "applications",
      header: "Applications",
      cell: (term) => (
        <Link href={boardPages.termApplications(program, term.slug)}>
          Applications<span className="visually-hidden"> of {term.title}</span>
        </Link>
      ),
    },
    {
      key: "selection",
      header: "Selection",
      cell: (term) => (
        <Link href={selectionPage(program, term.slug)}>
          Selection<span className="visually-hidden"> of {term.title}</span>
        </Link>
      ),
    },
    {
      key: "public",
      header: "Public page",
      cell: (term) =>
        term.draft ? (
          <span className="muted">Not public yet</span>
        ) : (
          <Link href={pagePaths.term(term.slug)}>
            /terms/{term.slug}
            <span className="visually-hidden"> ({term.title})</span>
          </Link>
        ),
    },
  ];
}

function Terms({ program }: { program: string }) {
  const terms = useApi<TermListResponse>(apiPaths.programTerms(program));
  return (
    <section aria-labelledby="terms-heading">
      <div className="section-head">
        <h2 id="terms-heading" className="section-head-title">
          Terms of the program
        </h2>
        <Link href={adminPaths.newTerm(program)} className="button button-primary">
          New term
        </Link>
      </div>
      <p className="muted small">A new term is a draft that only admins see until it is published. Open a term to change its settings and timeline.</p>
      {terms.error ? <ErrorPanel error={terms.error} onRetry={terms.reload} /> : null}
      {terms.data ? (
        <DataTable
          caption="Terms of the program"
          columns={columns(program)}
          rows={terms.data.items}
          rowKey={(term) => term.slug}
          rowClassName="admin-term-row"
          empty={<p>No terms yet. Create the first one with “New term”.</p>}
        />
      ) : terms.status === "loading" ? (
        <Loading what="terms" />
      ) : null}
    </section>
  );
}

/** `/admin/:program/terms`: the program's terms, drafts first marked as such, and the way to a new one. */
export function AdminTermsPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Terms">
      {() => <Terms program={program} />}
    </AdminFrame>
  );
}
