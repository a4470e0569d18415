import type { Problem } from "../../../src/schemas/problem.ts";

/** One input the server blamed: its field (`email`, `query.org`), a stable code to branch on, and its words. */
export type FieldProblem = NonNullable<Problem["errors"]>[number];

/** The well-formed entries of a problem's `errors` member; a server that sent none gives none. */
function fieldProblemsOf(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (error): error is FieldProblem =>
      typeof error === "object" && error !== null && typeof error.field === "string" && typeof error.code === "string" && typeof error.detail === "string",
  );
}

/** A failed API call, carrying the server's problem+json words so the page can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  /** The inputs the server said caused the failure, first one first; empty when it named none. */
  readonly errors: readonly FieldProblem[];

  constructor(status: number, detail: string, code: string, requestId: string | null, errors: readonly FieldProblem[] = []) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.errors = errors;
  }

  /** True when the server blamed an input with this code, e.g. `hasError("csrf_token")`. */
  hasError(code: string): boolean {
    return this.errors.some((error) => error.code === code);
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
        return new ApiError(response.status, body.detail, body.code ?? "UNKNOWN", body.requestId ?? null, fieldProblemsOf(body.errors));
      }
    } catch {
      // A body that is not JSON after all: fall through to the generic words.
    }
  }
  const detail =
    response.status >= 500 ? "The server could not answer just now. Try again in a moment." : `The server answered ${response.status} ${response.statusText}.`;
  return new ApiError(response.status, detail, "UNKNOWN", null);
}

/** Any thrown value as an ApiError, so a page has one kind of failure to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, "Something went wrong in this page. Reload it and try again.", "UNKNOWN", null);
}
