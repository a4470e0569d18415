import { useState } from "react";
import type { ReviewQueueResponse } from "../../../../src/schemas/review.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { boardApi } from "./board-paths.ts";

/**
 * "Mark the rest not shortlisted": the project's undecided applications, listed by name before
 * anything changes, then marked at once. Only those listed are sent, so an application a
 * co-mentor decided meanwhile is reported, not overwritten.
 */
export function RestNotShortlisted({ queue, onChanged }: { queue: ReviewQueueResponse; onChanged(next: ReviewQueueResponse): void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const rest = queue.items.filter((item) => item.state === "submitted" && item.mark === null);
  if (!queue.canReview || !queue.review.open || (rest.length === 0 && !message)) return null;

  const markAll = async () => {
    setBusy(true);
    try {
      onChanged(await sendJson<ReviewQueueResponse>("POST", boardApi.restNotShortlisted(queue.project.slug), { applications: rest.map((item) => item.id) }));
      setMessage(`${rest.length} application${rest.length === 1 ? "" : "s"} marked not shortlisted.`);
      setOpen(false);
    } catch (caught) {
      setMessage(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rest-not-shortlisted">
      {open ? (
        <fieldset className="confirm">
          <legend>Mark these {rest.length} not shortlisted?</legend>
          <ul>
            {rest.map((item) => (
              <li key={item.id}>{item.applicant.name}</li>
            ))}
          </ul>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void markAll()}>
            Mark {rest.length} not shortlisted
          </button>{" "}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Keep them undecided
          </button>
        </fieldset>
      ) : rest.length > 0 ? (
        <p>
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Mark the rest not shortlisted ({rest.length})
          </button>
        </p>
      ) : null}
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
