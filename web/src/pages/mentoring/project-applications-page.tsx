import { useEffect, useState } from "react";
import { Link } from "wouter";
import { APPLICATION_STATE_LABELS } from "../../../../src/domain/application-states.ts";
import type { ReviewQueueItem, ReviewQueueResponse } from "../../../../src/schemas/review.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FilterSelect } from "../../components/filter-select.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { useUrlParams } from "../../components/use-url-params.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { APPLICATION_STATE_TONE } from "../applications/application-words.ts";
import { boardApi, boardPages } from "./board-paths.ts";
import { RestNotShortlisted } from "./rest-not-shortlisted.tsx";
import { inQueue, markWords, QUEUE_FILTERS, type QueueFilter, queueFilterOf } from "./review-words.ts";
import { ShortlistRanking } from "./shortlist-ranking.tsx";
import "./mentoring.css";

/** The queue's filters, kept in the URL: which applications, and words of a name or handle. */
function QueueFilters({ filter, words, onChange }: { filter: QueueFilter; words: string; onChange(changes: Record<string, string | null>): void }) {
  const [typed, setTyped] = useState(words);
  useEffect(() => setTyped(words), [words]);
  return (
    <form
      className="filter-bar board-filters"
      aria-label="Filter the review queue"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: typed.trim() || null });
      }}
    >
      <FilterSelect
        id="queue-show"
        label="Show"
        value={filter}
        options={Object.entries(QUEUE_FILTERS).map(([value, label]) => ({ value, label }))}
        onChange={(show) => onChange({ show: show === "all" ? null : show })}
      />
      <div className="field">
        <label htmlFor="queue-q">Applicant</label>
        <input
          id="queue-q"
          className="input"
          type="search"
          value={typed}
          placeholder="Name or GitHub handle"
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}

function Queue({ project }: { project: string }) {
  const found = useApi<ReviewQueueResponse>(boardApi.reviewQueue(project));
  const [params, setParams] = useUrlParams();
  const [fresh, setFresh] = useState<ReviewQueueResponse | null>(null);
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the review queue" />;
  const data = fresh ?? found.data;
  const filter = queueFilterOf(params.get("show"));
  const words = params.get("q") ?? "";
  const rows = data.items.filter((item) => inQueue(item, filter, words));
  // The application pages step through the queue as it is filtered here.
  const search = new URLSearchParams();
  if (filter !== "all") search.set("show", filter);
  if (words) search.set("q", words);
  const columns: Column<ReviewQueueItem>[] = [
    {
      key: "applicant",
      header: "Applicant",
      rowHeader: true,
      cell: (item) => (
        <Link href={`${pagePaths.application(item.id)}${search.size > 0 ? `?${search}` : ""}`}>
          {item.applicant.name}
          {item.applicant.pronouns ? <span className="muted"> ({item.applicant.pronouns})</span> : null}
        </Link>
      ),
      compare: (a, b) => a.applicant.name.localeCompare(b.applicant.name),
    },
    {
      key: "submitted",
      header: "Submitted",
      cell: (item) => (item.submittedAt ? formatDateTime(new Date(item.submittedAt), viewerTimeZone()) : ""),
      compare: (a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""),
    },
    {
      key: "mark",
      header: "Mark",
      cell: (item) => {
        const mark = markWords(item.mark);
        return <Chip tone={mark.tone}>{item.shortlistRank ? `${mark.label} · #${item.shortlistRank}` : mark.label}</Chip>;
      },
      compare: (a, b) => (a.shortlistRank ?? Number.MAX_SAFE_INTEGER) - (b.shortlistRank ?? Number.MAX_SAFE_INTEGER),
    },
    {
      key: "mine",
      header: "Your score",
      cell: (item) => (item.myScore === null ? <span className="muted">none</span> : `${item.myScore} / 5`),
      compare: (a, b) => (a.myScore ?? 0) - (b.myScore ?? 0),
    },
    {
      key: "scores",
      header: "Mentors' scores",
      cell: (item) => (item.scores.average === null ? <span className="muted">none</span> : `${item.scores.average} from ${item.scores.count}`),
      compare: (a, b) => (a.scores.average ?? 0) - (b.scores.average ?? 0),
    },
    { key: "notes", header: "Notes", cell: (item) => item.notes, compare: (a, b) => a.notes - b.notes },
    { key: "other", header: "Other applications", cell: (item) => item.otherApplications },
    // After the outcome notices, each application's state says where its offer stands.
    ...(data.items.some((item) => item.state !== "submitted")
      ? [
          {
            key: "outcome",
            header: "Outcome",
            cell: (item: ReviewQueueItem) => <Chip tone={APPLICATION_STATE_TONE[item.state]}>{APPLICATION_STATE_LABELS[item.state]}</Chip>,
            compare: (a: ReviewQueueItem, b: ReviewQueueItem) => a.state.localeCompare(b.state),
          },
        ]
      : []),
    ...(data.canReview ? [] : [{ key: "conflicts", header: "Conflicts declared", cell: (item: ReviewQueueItem) => item.conflicts }]),
  ];
  return (
    <>
      <p className="card-org">
        <Link href={pagePaths.project(data.project.slug)}>{data.project.title}</Link> · {data.term.title} · {data.project.slots} slot
        {data.project.slots === 1 ? "" : "s"}
      </p>
      <p className={data.review.open ? "small" : "small notice"}>{data.review.message}</p>
      <ShortlistRanking queue={data} onChanged={setFresh} />
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">
          Applications ({rows.length}
          {rows.length === data.items.length ? "" : ` of ${data.items.length}`})
        </h2>
        <QueueFilters filter={filter} words={words} onChange={setParams} />
        <RestNotShortlisted queue={data} onChanged={setFresh} />
        <DataTable
          caption={`Applications to ${data.project.title}`}
          columns={columns}
          rows={rows}
          rowKey={(item) => item.id}
          rowClassName="queue-row"
          empty={<p>{data.items.length === 0 ? "Nobody has submitted an application yet." : "No application matches these filters."}</p>}
        />
      </section>
      <p>
        <Link href={boardPages.mentoring()}>Back to your projects</Link>
      </p>
    </>
  );
}

/** `/projects/:project/applications`: a project's review queue, for its mentors (who score, shortlist and rank) and the program's admins (who read). */
export function ProjectApplicationsPage({ project }: { project: string }) {
  useDocumentTitle("Review applications");
  return (
    <RequireSignIn title="Review applications">
      {() => (
        <div className="page">
          <h1>Review applications</h1>
          <Queue project={project} />
        </div>
      )}
    </RequireSignIn>
  );
}
