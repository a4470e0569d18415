import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./api-error.ts";
import { fetchJson } from "./fetch-json.ts";

/** The state of one API resource as a page renders it. */
export type ApiState<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ok"; data: T; error: null }
  | { status: "error"; data: T | null; error: ApiError };

/**
 * Loads a resource whenever its path changes and keeps the previous data while the next
 * one loads, so a filter change does not blank the page. A null path loads nothing.
 */
export function useApi<T>(path: string | null): ApiState<T> & { reload(): void } {
  const [state, setState] = useState<ApiState<T>>({ status: "loading", data: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    // The generation is read so that reload() refetches the same path.
    void generation;
    setState((previous) => ({ status: "loading", data: previous.data, error: null }));
    fetchJson<T>(path, controller.signal).then(
      (data) => setState({ status: "ok", data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, "Something went wrong while loading this page.", "UNKNOWN", null);
        setState((previous) => ({ status: "error", data: previous.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
