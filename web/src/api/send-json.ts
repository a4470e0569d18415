import type { MeResponse } from "../../../src/schemas/account.ts";
import { ApiError, apiErrorFrom } from "./api-error.ts";

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from GET /api/me or a sign-in answer); null after signing out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The HTTP methods that change something, and so carry the CSRF token. */
type UnsafeMethod = "POST" | "PUT" | "PATCH" | "DELETE";

async function send(method: UnsafeMethod, path: string, body: unknown, extraHeaders: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "Cohort cannot be reached. Check your connection and try again.", "NETWORK", null);
  }
}

/** Reads the session's current CSRF token from GET /api/me, or null for a visitor. */
async function refreshCsrfToken(): Promise<string | null> {
  try {
    const response = await fetch("/api/me", { headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const me = (await response.json()) as Pick<MeResponse, "csrfToken">;
    return me.csrfToken ?? null;
  } catch {
    return null;
  }
}

/**
 * Sends a change to the API as JSON with the session's CSRF token in `x-csrf-token`, and
 * answers the parsed body (undefined for 204). A failure throws ApiError with the server's
 * problem+json words and the fields it named. A refusal for a stale CSRF token (the session
 * was rotated in another tab) fetches the current token and tries once more. `headers` adds
 * request headers, e.g. a submission's `Idempotency-Key`, which that retry sends again.
 */
export async function sendJson<T>(method: UnsafeMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await sendChecked(method, path, body, headers);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Sends a change whose answer is a file (the finance export), as sendJson does, and saves the
 * file the way a download link would: under the name the server gives. Answers the response, so
 * the caller can read its headers.
 */
export async function sendForDownload(method: UnsafeMethod, path: string): Promise<Response> {
  const response = await sendChecked(method, path, undefined, { accept: "text/csv" });
  const blob = await response.clone().blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "download";
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the file once click() returns; the URL can go after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return response;
}

async function sendChecked(method: UnsafeMethod, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  let response = await send(method, path, body, headers);
  if (response.status === 403) {
    const error = await apiErrorFrom(response.clone());
    if (error.hasError("csrf_token")) {
      const fresh = await refreshCsrfToken();
      if (fresh && fresh !== csrfToken) {
        csrfToken = fresh;
        response = await send(method, path, body, headers);
      }
    }
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}
