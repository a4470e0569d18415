import { ApiError, apiErrorFrom } from "./api-error.ts";

/** Fetches one JSON resource of the Cohort API; a non-2xx answer or a network failure throws ApiError. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "Cohort cannot be reached. Check your connection and try again.", "NETWORK", null);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as T;
}
