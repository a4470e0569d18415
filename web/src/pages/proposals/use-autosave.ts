import { useCallback, useEffect, useRef, useState } from "react";
import type { Proposal, ProposalUpdateBody } from "../../../../src/schemas/proposal.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { type AutosaveStatus, changedFields, type ProposalDraft } from "./proposal-draft.ts";
import { proposalApi } from "./proposal-paths.ts";

/** What the form needs from its autosave: the status line, the server's words per field, and a way to save at once. */
export interface Autosave {
  status: AutosaveStatus;
  /** The fields the last failed save named ("title", "mentors.1"), with the server's words. */
  fieldErrors: ReadonlyMap<string, string>;
  /** True while the form holds something the server has not taken yet. */
  dirty: boolean;
  /** Saves what is unsaved now; resolves true when everything is saved. */
  saveNow(): Promise<boolean>;
}

/**
 * Saves the draft a moment after the maintainer stops typing (PATCH of the fields that changed),
 * one request at a time; what is typed while a save is on its way is saved right after it. A
 * failure never touches the form: its words go to the status line and beside the fields named.
 */
export function useAutosave({
  proposal,
  draft,
  onSaved,
  delayMs = 800,
}: {
  proposal: Proposal;
  draft: ProposalDraft;
  onSaved(proposal: Proposal): void;
  delayMs?: number;
}): Autosave {
  const saved = useRef<ProposalUpdateBody | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const inFlight = useRef<Promise<boolean> | null>(null);
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle", savedAt: null });
  const [fieldErrors, setFieldErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const accepted = proposal.state === "accepted";
  const slug = proposal.slug;

  // The baseline is what the server held when the page opened; later saves move it on.
  if (saved.current === null) saved.current = changedFields({}, draft, false);

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const base = saved.current ?? {};
    const changes = changedFields(base, latest.current, accepted);
    if (Object.keys(changes).length === 0) return true;
    const attempt = (async () => {
      setStatus((previous) => ({ state: "saving", savedAt: previous.savedAt }));
      try {
        const answer = await sendJson<Proposal>("PATCH", proposalApi.proposal(slug), changes satisfies ProposalUpdateBody);
        saved.current = { ...base, ...changes };
        setFieldErrors(new Map());
        setStatus({ state: "saved", savedAt: new Date() });
        onSaved(answer);
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
    if (ok && Object.keys(changedFields(saved.current ?? {}, latest.current, accepted)).length > 0) return save();
    return ok;
  }, [accepted, slug, onSaved]);

  // The unsaved fields as text: a new keystroke makes a new text, which restarts the pause.
  const unsaved = JSON.stringify(changedFields(saved.current ?? {}, draft, accepted));
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
