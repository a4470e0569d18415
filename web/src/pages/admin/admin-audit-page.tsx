import { type FormEvent, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { AUDIT_ACTIONS } from "../../../../src/domain/audit-actions.ts";
import type { AuditEvent, AuditLogResponse, ProgramPeopleResponse, ProgramPerson } from "../../../../src/schemas/admin.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Pager } from "../../catalog/pager.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { SelectField, TextField } from "../../forms/field.tsx";
import { countOf } from "../../text.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { type AuditFilter, auditApiQuery, isAuditFiltered, readAuditFilter, writeAuditFilter } from "./audit-filter.ts";

const LIMIT = 50;

/** Actions Cohort records for a program, offered as suggestions (any text is accepted). */
const KNOWN_OBJECT_TYPES = ["invitation", "person", "program", "term"];

/** An event's changes as short "key: value" pairs. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who acted, by their name today, and by the name recorded then when it was different. */
function Actor({ event }: { event: AuditEvent }) {
  const { name, label } = event.actor;
  if (!name || name === label) return <>{name ?? label}</>;
  return (
    <>
      {name} <span className="muted small">(then “{label}”)</span>
    </>
  );
}

/** The public page of an audited object, for the kinds that have one. */
const OBJECT_PAGES: Record<string, ((slug: string) => string) | undefined> = { program: pagePaths.program, term: pagePaths.term, project: pagePaths.project };

/** What the event was about, by name (linked to its page when it has one), with its kind and id. */
function AuditObject({ event }: { event: AuditEvent }) {
  const reference = `${event.objectType} #${event.objectId}`;
  if (!event.object) return <>{reference}</>;
  const page = event.object.slug ? OBJECT_PAGES[event.objectType] : undefined;
  return (
    <>
      {page && event.object.slug ? <Link href={page(event.object.slug)}>{event.object.label}</Link> : event.object.label}
      <span className="muted small"> · {reference}</span>
    </>
  );
}

function FilterForm({
  filter,
  people,
  onApply,
  clearHref,
}: {
  filter: AuditFilter;
  people: ProgramPerson[];
  onApply(next: AuditFilter): void;
  clearHref: string;
}) {
  const [draft, setDraft] = useState(filter);
  const set = (key: keyof AuditFilter, value: string) => setDraft((previous) => ({ ...previous, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ ...draft, page: 1 });
  };
  return (
    <form className="filter-bar" onSubmit={submit} aria-label="Filter the audit log">
      <TextField
        name="action"
        label="Action"
        list="audit-actions"
        spellCheck={false}
        value={draft.action}
        onChange={(event) => set("action", event.target.value)}
      />
      <datalist id="audit-actions">
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <TextField
        name="objectType"
        label="Object type"
        list="audit-object-types"
        spellCheck={false}
        value={draft.objectType}
        onChange={(event) => set("objectType", event.target.value)}
      />
      <datalist id="audit-object-types">
        {KNOWN_OBJECT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <SelectField name="actor" label="Who" value={draft.actor} onChange={(event) => set("actor", event.target.value)}>
        <option value="">Anyone</option>
        {people.map((person) => (
          <option key={person.personId} value={String(person.personId)}>
            {person.name}
          </option>
        ))}
        {draft.actor && !people.some((person) => String(person.personId) === draft.actor) ? <option value={draft.actor}>Person #{draft.actor}</option> : null}
      </SelectField>
      <TextField name="from" label="From" type="date" value={draft.from} onChange={(event) => set("from", event.target.value)} />
      <TextField name="to" label="To (included)" type="date" value={draft.to} onChange={(event) => set("to", event.target.value)} />
      <div className="filter-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        {isAuditFiltered(filter) ? (
          <Link href={clearHref} className="button">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** The log's columns; the server orders and pages the events, so none sorts here. */
function eventColumns(zone: string): Column<AuditEvent>[] {
  return [
    {
      key: "when",
      header: "When",
      cell: (event) => <time dateTime={event.occurredAt}>{formatDateTime(new Date(event.occurredAt), zone, { withYear: true })}</time>,
    },
    { key: "who", header: "Who", cell: (event) => <Actor event={event} /> },
    { key: "action", header: "Action", cell: (event) => <code>{event.action}</code> },
    { key: "object", header: "Object", className: "cell-wrap", cell: (event) => <AuditObject event={event} /> },
    { key: "changes", header: "Changes", cell: (event) => <Changes changes={event.changes} /> },
  ];
}

function Audit({ program }: { program: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = readAuditFilter(search);
  const log = useApi<AuditLogResponse>(`/api/programs/${encodeURIComponent(program)}/audit?${auditApiQuery(filter, LIMIT)}`);
  const people = useApi<ProgramPeopleResponse>(`/api/programs/${encodeURIComponent(program)}/people`);
  const data = log.data;
  const last = data ? Math.max(1, Math.ceil(data.total / LIMIT)) : 1;
  const first = data ? (data.page - 1) * LIMIT + 1 : 0;
  return (
    <>
      <p className="lead">Who changed what in this program, newest first. Times are in your zone, {viewerTimeZone()}.</p>
      <FilterForm
        key={search}
        filter={filter}
        people={people.data?.items ?? []}
        onApply={(next) => navigate(adminPaths.audit(program, writeAuditFilter(next)))}
        clearHref={adminPaths.audit(program)}
      />
      {log.error ? <ErrorPanel error={log.error} onRetry={log.reload} /> : null}
      <section className="results" aria-busy={log.status === "loading"} aria-labelledby="audit-count">
        <p className="result-count" id="audit-count" aria-live="polite">
          {data
            ? data.total === 0
              ? "No events"
              : data.total <= LIMIT
                ? countOf(data.total, "event", "events")
                : `Showing ${first}–${first + data.items.length - 1} of ${countOf(data.total, "event", "events")}`
            : ""}
        </p>
        {data ? (
          <DataTable
            caption="Audit events, newest first"
            className="audit-table"
            columns={eventColumns(viewerTimeZone())}
            rows={data.items}
            rowKey={(event) => event.id}
            empty={
              <>
                <p>{isAuditFiltered(filter) ? "No event matches these filters." : "Nothing has happened in this program yet."}</p>
                {isAuditFiltered(filter) ? (
                  <p>
                    <Link href={adminPaths.audit(program)}>Clear all filters</Link>
                  </p>
                ) : null}
              </>
            }
          />
        ) : null}
        {!data && log.status === "loading" ? <Loading what="the audit log" /> : null}
        <Pager page={filter.page} last={last} hrefFor={(page) => adminPaths.audit(program, writeAuditFilter({ ...filter, page }))} />
      </section>
    </>
  );
}

/** `/admin/:program/audit`: the program's audit log as a table, filtered and paged from the URL. */
export function AdminAuditPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Audit log">
      {() => <Audit program={program} />}
    </AdminFrame>
  );
}
