import type { ApiError } from "../api/api-error.ts";

/** What a page shows while its data is on the way. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** The server's words when a request failed, with a way to try again and the id to quote. */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="error-panel" role="alert">
      <p>
        <strong className="error-label">Error:</strong> {error.message}
      </p>
      {error.requestId ? <p className="muted">If you report this, quote request {error.requestId}.</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
