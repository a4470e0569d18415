import type { Problem } from "../../../src/schemas/problem.ts";

/** A failed API call, carrying the server's problem+json words so the page can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;

  constructor(status: number, detail: string, code: string, requestId: string | null) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  /** True when the thing asked for does not exist, so the page shows "not found". */
  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Builds an ApiError from a response, reading the problem body when the server sent one. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.detail === "string") {
        return new ApiError(response.status, body.detail, body.code ?? "UNKNOWN", body.requestId ?? null);
      }
    } catch {
      // A body that is not JSON after all: fall through to the generic words.
    }
  }
  const detail =
    response.status >= 500 ? "The server could not answer just now. Try again in a moment." : `The server answered ${response.status} ${response.statusText}.`;
  return new ApiError(response.status, detail, "UNKNOWN", null);
}
