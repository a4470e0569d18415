import type { Problem } from "../../../src/schemas/problem.ts";

/** One field the server named as the cause of a failure, with its words. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** "body.email: must be…" or "organization: name the…": a field name, then what is wrong with it. */
const FIELD_DETAIL = /^(?:body|querystring|params)?\.?([A-Za-z][A-Za-z0-9]*)(?:\.\d+)?: (.+)$/s;

/** Reads the field problems of a problem document: every validation issue, or the field its detail names. */
function fieldProblemsOf(detail: string, details: Record<string, unknown> | undefined): FieldProblem[] {
  const issues = Array.isArray(details?.issues) ? (details.issues as Array<{ path?: unknown; message?: unknown }>) : [];
  const fromIssues = issues.flatMap((issue) => {
    if (typeof issue.path !== "string" || typeof issue.message !== "string") return [];
    const field = issue.path.split("/").filter(Boolean)[1];
    return field ? [{ field, message: issue.message }] : [];
  });
  if (fromIssues.length > 0) return fromIssues;
  const match = FIELD_DETAIL.exec(detail);
  return match?.[1] && match[2] ? [{ field: match[1], message: match[2] }] : [];
}

/** A failed API call, carrying the server's problem+json words so the page can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  /** The fields the server said caused the failure, first one first; empty when it named none. */
  readonly fields: FieldProblem[];

  constructor(status: number, detail: string, code: string, requestId: string | null, fields: FieldProblem[] = []) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.fields = fields;
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
        return new ApiError(response.status, body.detail, body.code ?? "UNKNOWN", body.requestId ?? null, fieldProblemsOf(body.detail, body.details));
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
