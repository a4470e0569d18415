import { useEffect, useLayoutEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { REVIEW_SCORE } from "../../../../src/domain/review-marks.ts";
import type { ApplicationReview, ReviewQueueResponse } from "../../../../src/schemas/review.ts";
import { asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { boardApi, boardPages } from "./board-paths.ts";
import { inQueue, markWords, queueFilterOf } from "./review-words.ts";

const SCORES = Array.from({ length: REVIEW_SCORE.max - REVIEW_SCORE.min + 1 }, (_, n) => REVIEW_SCORE.min + n);

/** True when a key press belongs to a field the reader is typing in, not to the page's shortcuts. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The review of one application for its project's mentors and the program's admins: the reader's
 * score (keys 1–5), the project's mark (S shortlists), the notes, a conflict of interest, and the
 * previous and next application of the queue as it was filtered (keys J and K).
 */
export function ReviewPanel({ application, project }: { application: number; project: string }) {
  const found = useApi<ApplicationReview>(boardApi.review(application));
  const queue = useApi<ReviewQueueResponse>(boardApi.reviewQueue(project));
  const [review, setReview] = useState<ApplicationReview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [confirmConflict, setConfirmConflict] = useState(false);
  const [, navigate] = useLocation();
  const search = useSearch();
  useEffect(() => setReview(found.data), [found.data]);

  const params = new URLSearchParams(search);
  const order = (queue.data?.items ?? []).filter((item) => inQueue(item, queueFilterOf(params.get("show")), params.get("q") ?? "")).map((item) => item.id);
  const at = order.indexOf(application);
  const suffix = search ? `?${search}` : "";
  const previous = at > 0 ? `${pagePaths.application(order[at - 1] as number)}${suffix}` : null;
  const next = at >= 0 && at < order.length - 1 ? `${pagePaths.application(order[at + 1] as number)}${suffix}` : null;
  const writable = review?.canReview === true && queue.data?.review.open === true;

  const change = async (work: () => Promise<ApplicationReview>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      setReview(await work());
      setMessage(done);
    } catch (caught) {
      setMessage(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const score = (value: number | null) =>
    change(
      () => sendJson<ApplicationReview>("PUT", boardApi.score(application), { score: value }),
      value === null ? "Your score is taken back." : `Scored ${value} of 5.`,
    );
  const mark = (value: ApplicationReview["mark"]) =>
    change(() => sendJson<ApplicationReview>("PUT", boardApi.mark(application), { mark: value }), `Marked ${markWords(value).label.toLowerCase()}.`);

  // Registered before paint, so a key pressed on what the page shows reaches that application.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || busy) return;
      if (event.key === "j" && next) navigate(next);
      else if (event.key === "k" && previous) navigate(previous);
      else if (writable && /^[1-5]$/.test(event.key)) void score(Number(event.key));
      else if (writable && event.key === "s") void mark("shortlisted");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (found.error || !review) return null;
  const mine = review.scores.find((item) => item.mine)?.score ?? null;
  const zone = viewerTimeZone();
  const current = markWords(review.mark);
  return (
    <section className="panel review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">
        Review <Chip tone={current.tone}>{review.shortlistRank ? `${current.label} · #${review.shortlistRank}` : current.label}</Chip>
      </h2>
      <nav className="queue-steps" aria-label="The review queue">
        {previous ? <Link href={previous}>Previous application (K)</Link> : <span className="muted">First of the queue</span>}
        <Link href={boardPages.projectApplications(project)}>The queue</Link>
        {next ? <Link href={next}>Next application (J)</Link> : <span className="muted">Last of the queue</span>}
      </nav>
      <p className="muted small">
        {review.otherApplications === 0
          ? "No other application this term."
          : `${review.otherApplications} other application${review.otherApplications === 1 ? "" : "s"} this term.`}
      </p>
      {writable ? (
        <>
          <fieldset className="field choice-group">
            <legend>Your score (keys 1–5)</legend>
            <div className="choice-row">
              {SCORES.map((value) => (
                <div className="check-row" key={value}>
                  <input type="radio" id={`score-${value}`} name="score" checked={mine === value} disabled={busy} onChange={() => void score(value)} />
                  <label htmlFor={`score-${value}`}>{value}</label>
                </div>
              ))}
              {mine === null ? null : (
                <button type="button" className="button" disabled={busy} onClick={() => void score(null)}>
                  Take my score back
                </button>
              )}
            </div>
          </fieldset>
          <p className="actions">
            <button type="button" className="button button-primary" disabled={busy || review.mark === "shortlisted"} onClick={() => void mark("shortlisted")}>
              Shortlist (S)
            </button>
            <button type="button" className="button" disabled={busy || review.mark === "not_shortlisted"} onClick={() => void mark("not_shortlisted")}>
              Not shortlisted
            </button>
            {review.mark === null ? null : (
              <button type="button" className="button" disabled={busy} onClick={() => void mark(null)}>
                Undecided
              </button>
            )}
          </p>
        </>
      ) : (
        <p className="small">{queue.data?.review.message}</p>
      )}
      <h3>Scores</h3>
      {review.scores.length === 0 ? (
        <p className="muted">No mentor has scored it yet.</p>
      ) : (
        <ul>
          {review.scores.map((item) => (
            <li key={item.mentor}>
              {item.mine ? "You" : item.mentor}: {item.score} / 5
            </li>
          ))}
        </ul>
      )}
      <h3>Notes</h3>
      <p className="muted small">For the project's mentors and the program's admins; the applicant never reads them.</p>
      {review.notes.length === 0 ? null : (
        <ol className="review-notes">
          {review.notes.map((item) => (
            <li key={item.id} className="review-note">
              <p className="small muted">
                {item.author}, {formatDateTime(new Date(item.createdAt), zone)}
              </p>
              <p className="pre-line">{item.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void change(() => sendJson<ApplicationReview>("POST", boardApi.notes(application), { body: note }), "Note added.").then(() => setNote(""));
        }}
      >
        <label htmlFor="review-note">Add a note</label>
        <textarea id="review-note" className="input" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy || note.trim() === ""}>
            Add the note
          </button>
        </p>
      </form>
      {review.conflicts.length > 0 ? (
        <p className="notice small">Conflict of interest declared by {review.conflicts.map((item) => item.mentor).join(", ")}.</p>
      ) : null}
      {review.canReview ? (
        confirmConflict ? (
          <fieldset className="confirm">
            <legend>Declare a conflict of interest?</legend>
            <p className="small">
              The application is hidden from you from then on, your score is taken back, and the program's admins see that you declared it.
            </p>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                sendJson("POST", boardApi.conflict(application)).then(
                  () => navigate(boardPages.projectApplications(project)),
                  (caught: unknown) => {
                    setMessage(asApiError(caught).message);
                    setBusy(false);
                  },
                );
              }}
            >
              Declare it and leave
            </button>{" "}
            <button type="button" className="button" onClick={() => setConfirmConflict(false)}>
              Keep reviewing
            </button>
          </fieldset>
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setConfirmConflict(true)}>
              I have a conflict of interest
            </button>
          </p>
        )
      ) : null}
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
