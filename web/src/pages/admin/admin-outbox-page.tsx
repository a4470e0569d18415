import { Link, useSearch } from "wouter";
import { OUTBOX_STATES, type OutboxState } from "../../../../src/domain/outbox-states.ts";
import type { OutboxListResponse, OutboxMessage } from "../../../../src/schemas/admin.ts";
import { useApi } from "../../api/use-api.ts";
import { Pager } from "../../catalog/pager.tsx";
import { Chip, type Tone } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";

const LIMIT = 50;

const STATE_WORDS: Record<OutboxState, { label: string; tone: Tone; meaning: string }> = {
  pending: { label: "Pending", tone: "info", meaning: "waits for its next delivery attempt" },
  sending: { label: "Sending", tone: "closing", meaning: "is being handed to the mail server" },
  sent: { label: "Sent", tone: "open", meaning: "was accepted by the mail server" },
  failed: { label: "Failed", tone: "error", meaning: "could not be delivered after every attempt" },
};

function readState(search: string): OutboxState | null {
  const state = new URLSearchParams(search).get("state");
  return OUTBOX_STATES.find((value) => value === state) ?? null;
}

function readPage(search: string): number {
  const page = Number(new URLSearchParams(search).get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function query(state: OutboxState | null, page: number): string {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/** Where a message stands beyond its chip: when it went out, or when the next attempt is due. */
function Delivery({ message }: { message: OutboxMessage }) {
  const zone = viewerTimeZone();
  if (message.sentAt) return <time dateTime={message.sentAt}>Sent {formatDateTime(new Date(message.sentAt), zone)}</time>;
  if (message.state === "failed") return <span>Gave up after {message.attempts === 1 ? "1 attempt" : `${message.attempts} attempts`}</span>;
  const next = new Date(message.nextAttemptAt);
  if (next.getTime() <= Date.now()) return <span>{message.attempts === 0 ? "Not sent yet" : "Next attempt due now"}</span>;
  return <time dateTime={message.nextAttemptAt}>Next attempt {relativeTo(next, new Date())}</time>;
}

/** A message's subject, its last error if any, and its text behind a disclosure. */
function MessageCell({ message }: { message: OutboxMessage }) {
  return (
    <div>
      <span className="outbox-subject">{message.subject}</span>
      {message.lastError ? (
        <p className="outbox-error">
          <strong>Last error:</strong> <code>{message.lastError}</code>
        </p>
      ) : null}
      <details className="outbox-body">
        <summary>
          Read the message<span className="visually-hidden"> “{message.subject}”</span>
        </summary>
        <pre>{message.bodyText}</pre>
      </details>
    </div>
  );
}

/** The outbox's columns; the server orders and pages the messages, so none sorts here. */
const MESSAGE_COLUMNS: Column<OutboxMessage>[] = [
  { key: "message", header: "Message", rowHeader: true, className: "outbox-message-cell", cell: (message) => <MessageCell message={message} /> },
  {
    key: "state",
    header: "State",
    cell: (message) => <Chip tone={STATE_WORDS[message.state].tone}>{STATE_WORDS[message.state].label}</Chip>,
  },
  { key: "to", header: "To", className: "cell-wrap", cell: (message) => message.recipientEmail ?? "—" },
  {
    key: "queued",
    header: "Queued",
    cell: (message) => <time dateTime={message.createdAt}>{formatDateTime(new Date(message.createdAt), viewerTimeZone())}</time>,
  },
  { key: "attempts", header: "Attempts", cell: (message) => message.attempts },
  { key: "delivery", header: "Delivery", cell: (message) => <Delivery message={message} /> },
];

function Outbox({ program }: { program: string }) {
  const search = useSearch();
  const state = readState(search);
  const page = readPage(search);
  const apiQuery = new URLSearchParams({ page: String(page), limit: String(LIMIT), ...(state ? { state } : {}) });
  const outbox = useApi<OutboxListResponse>(`/api/programs/${encodeURIComponent(program)}/outbox?${apiQuery}`);
  const data = outbox.data;
  const last = data ? Math.max(1, Math.ceil(data.total / LIMIT)) : 1;
  return (
    <>
      <p className="lead">
        The emails Cohort sends about this program, newest first, and whether they were delivered. When the server has no mail server configured, messages stay
        pending here: read them below and pass them on yourself.
      </p>
      <nav className="segmented" aria-label="Filter by delivery state">
        <ul>
          <li>
            <Link href={adminPaths.outbox(program)} aria-current={state === null ? "page" : undefined}>
              All
            </Link>
          </li>
          {OUTBOX_STATES.map((value) => (
            <li key={value}>
              <Link href={adminPaths.outbox(program, query(value, 1))} aria-current={state === value ? "page" : undefined}>
                {STATE_WORDS[value].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {outbox.error ? <ErrorPanel error={outbox.error} onRetry={outbox.reload} /> : null}
      <section className="results" aria-busy={outbox.status === "loading"} aria-labelledby="outbox-count">
        <div className="result-bar">
          <p className="result-count" id="outbox-count" aria-live="polite">
            {data ? `${data.total === 1 ? "1 message" : `${data.total} messages`}${state ? ` ${STATE_WORDS[state].label.toLowerCase()}` : ""}` : ""}
          </p>
          <button type="button" className="button" onClick={outbox.reload}>
            Refresh
          </button>
        </div>
        {data ? (
          <DataTable
            caption="Emails about the program, newest first"
            className="outbox-table"
            rowClassName="outbox-message"
            columns={MESSAGE_COLUMNS}
            rows={data.items}
            rowKey={(message) => message.id}
            empty={
              <p>
                {state ? `No message is ${STATE_WORDS[state].label.toLowerCase()}.` : "No emails about this program yet. Invitations appear here once sent."}
              </p>
            }
          />
        ) : null}
        {!data && outbox.status === "loading" ? <Loading what="the outbox" /> : null}
        <Pager page={page} last={last} hrefFor={(number) => adminPaths.outbox(program, query(state, number))} />
      </section>
    </>
  );
}

/** `/admin/:program/outbox`: the program's emails with their delivery state, filtered by state from the URL. */
export function AdminOutboxPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Email outbox">
      {() => <Outbox program={program} />}
    </AdminFrame>
  );
}
