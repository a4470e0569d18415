import type { ReactNode } from "react";
import type { ApiError } from "../api/api-error.ts";

/** A form's failure that belongs to no single field, above the form; focusable so it can take focus. */
export function FormError({ id, error, children }: { id: string; error: ApiError | null; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="error-panel" role="alert" id={`${id}-error`} tabIndex={-1}>
      <p>
        <strong className="error-label">Error:</strong> {error.message}
      </p>
      {children}
      {error.requestId && error.status >= 500 ? <p className="muted">If you report this, quote request {error.requestId}.</p> : null}
    </div>
  );
}

/** A message that says what happened and what comes next, announced politely to screen readers. */
export function Notice({ tone = "success", title, children }: { tone?: "success" | "info"; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      <span className="notice-icon" aria-hidden="true" />
      <div>
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
