import { useState } from "react";
import type { ReviewQueueItem, ReviewQueueResponse } from "../../../../src/schemas/review.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { RankMoves } from "../../components/rank-moves.tsx";
import { boardApi } from "./board-paths.ts";
import { moved } from "./review-words.ts";

/**
 * The project's shortlist in its order, best first, for its mentors to rank: each entry moves up
 * or down by its buttons (the keyboard's way) or by dragging it onto another. Every change sends
 * the whole order, so a co-mentor's change in between is reported instead of lost.
 */
export function ShortlistRanking({ queue, onChanged }: { queue: ReviewQueueResponse; onChanged(next: ReviewQueueResponse): void }) {
  const shortlisted = queue.items.filter((item) => item.mark === "shortlisted").sort((a, b) => (a.shortlistRank ?? 0) - (b.shortlistRank ?? 0) || a.id - b.id);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const editable = queue.canReview && queue.review.open;

  const send = async (order: number[], moving: ReviewQueueItem, words: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await sendJson<ReviewQueueResponse>("PUT", boardApi.shortlist(queue.project.slug), { applications: order }));
      setMessage(`${moving.applicant.name} ${words}.`);
    } catch (caught) {
      setMessage(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const ids = shortlisted.map((item) => item.id);

  return (
    <section className="panel shortlist-ranking" aria-labelledby="shortlist-heading">
      <h2 id="shortlist-heading">Shortlist ranking</h2>
      <p className="muted small">
        {editable
          ? `Best first: selection offers the project's ${queue.project.slots} slot${queue.project.slots === 1 ? "" : "s"} in this order. Move an applicant with its buttons, or drag it onto another.`
          : "Best first: selection offers the project's slots in this order."}
      </p>
      {shortlisted.length === 0 ? (
        <p>Nobody is shortlisted yet: shortlist applicants from their applications.</p>
      ) : (
        <ol className="shortlist">
          {shortlisted.map((item, place) => (
            <li
              key={item.id}
              className={dragged === item.id ? "shortlist-item dragging" : "shortlist-item"}
              draggable={editable && !busy}
              onDragStart={() => setDragged(item.id)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged === null || dragged === item.id) return;
                const order = ids.filter((id) => id !== dragged);
                order.splice(order.indexOf(item.id) + (ids.indexOf(dragged) < place ? 1 : 0), 0, dragged);
                const moving = shortlisted.find((entry) => entry.id === dragged);
                if (moving) void send(order, moving, `is now number ${order.indexOf(dragged) + 1}`);
              }}
            >
              <span className="shortlist-name">
                <span className="shortlist-place">{place + 1}.</span> {item.applicant.name}
              </span>
              {editable ? (
                <RankMoves
                  name={item.applicant.name}
                  place={place}
                  count={shortlisted.length}
                  busy={busy}
                  onMove={(by) => void send(moved(ids, item.id, by), item, `is now number ${place + 1 + by}`)}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
