import { useCallback, useEffect, useRef, useState } from "react";
import { asApiError } from "../api/api-error.ts";

/** Where the autosave stands: nothing to save, saving, saved at an instant, or failed (the typed text stays in the form). */
export type AutosaveStatus =
  | { state: "idle"; savedAt: Date | null }
  | { state: "saving"; savedAt: Date | null }
  | { state: "saved"; savedAt: Date }
  | { state: "failed"; savedAt: Date | null; message: string };

/** The status line under a form: "Saved 17:02", "Saving…", or what failed and that nothing typed is lost. */
export function autosaveWords(status: AutosaveStatus, timeZone: string): string {
  const at = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  switch (status.state) {
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${at(status.savedAt)}`;
    case "failed":
      return `Not saved: ${status.message} What you typed stays here; it is saved as soon as the server takes it.`;
    case "idle":
      return status.savedAt ? `Saved ${at(status.savedAt)}` : "Changes are saved as you type.";
  }
}

/** What a form needs from its autosave: the status line, the server's words per field, and a way to save at once. */
export interface Autosave {
  status: AutosaveStatus;
  /** The fields the last failed save named ("title", "links.1"), with the server's words. */
  fieldErrors: ReadonlyMap<string, string>;
  /** True while the form holds something the server has not taken yet. */
  dirty: boolean;
  /** Saves what is unsaved now; resolves true when everything is saved. */
  saveNow(): Promise<boolean>;
}

/** An empty change: nothing to send. */
function isEmpty(changes: object): boolean {
  return Object.keys(changes).length === 0;
}

/**
 * Saves a form a moment after the person stops typing, one request at a time; what is typed
 * while a save is on its way is saved right after it. `changesSince(saved)` gives the body to
 * send over what the server holds (an empty object when nothing changed, or while a field is
 * still unreadable); once `send` succeeds its body joins what is saved. A failure never touches
 * the form: its words go to the status line and beside the fields named.
 */
export function useAutosave<Body extends object>({
  saved: initial,
  changesSince,
  send,
  delayMs = 800,
}: {
  /** What the server held when the form opened. */
  saved: Body;
  changesSince(saved: Body): Partial<Body>;
  send(changes: Partial<Body>): Promise<void>;
  delayMs?: number;
}): Autosave {
  const saved = useRef<Body>(initial);
  const latest = useRef({ changesSince, send });
  latest.current = { changesSince, send };
  const inFlight = useRef<Promise<boolean> | null>(null);
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle", savedAt: null });
  const [fieldErrors, setFieldErrors] = useState<ReadonlyMap<string, string>>(new Map());

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const base = saved.current;
    const changes = latest.current.changesSince(base);
    if (isEmpty(changes)) return true;
    const attempt = (async () => {
      setStatus((previous) => ({ state: "saving", savedAt: previous.savedAt }));
      try {
        await latest.current.send(changes);
        saved.current = { ...base, ...changes };
        setFieldErrors(new Map());
        setStatus({ state: "saved", savedAt: new Date() });
        return true;
      } catch (caught) {
        const error = asApiError(caught);
        setFieldErrors(new Map(error.errors.map((problem) => [problem.field.replace(/^body\./, ""), problem.detail])));
        setStatus((previous) => ({ state: "failed", savedAt: previous.savedAt, message: error.message }));
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    // Typed while the request was on its way: save that too.
    if (ok && !isEmpty(latest.current.changesSince(saved.current))) return save();
    return ok;
  }, []);

  // The unsaved fields as text: a new keystroke makes a new text, which restarts the pause.
  const unsaved = JSON.stringify(changesSince(saved.current));
  const dirty = unsaved !== "{}";

  useEffect(() => {
    if (unsaved === "{}") return;
    const timer = window.setTimeout(() => void save(), delayMs);
    return () => window.clearTimeout(timer);
  }, [unsaved, save, delayMs]);

  useEffect(() => {
    if (!dirty) return;
    // Leaving with unsaved text: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return { status, fieldErrors, dirty, saveNow: save };
}
