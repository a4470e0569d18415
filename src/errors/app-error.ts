/**
 * The closed list of error codes Cohort raises. Each has one meaning everywhere: the API
 * maps it to an HTTP status (server/errors.ts), the CLI to a one-line message and exit code.
 */
export const ERROR_CODES = {
  INVALID_INPUT: "The request or input is malformed; the message says which field and why.",
  INVALID_CONFIG: "A configuration variable has a value Cohort cannot use.",
  UNAUTHENTICATED: "The caller must sign in first.",
  FORBIDDEN: "The caller may see this object but may not take this action on it.",
  NOT_FOUND: "The object does not exist, or the caller may not see it.",
  CONFLICT: "The change clashes with the current state (a duplicate, a stale update).",
  PHASE_CLOSED: "The action belongs to a phase of the term that is not open now.",
  LIMIT_REACHED: "A limit of the program has been reached (e.g. applications per term).",
  IDEMPOTENCY_KEY_REUSED: "An Idempotency-Key sent again with another request than the one it first came with; the message says so.",
  CONFIRMATION_REQUIRED: "The change has a consequence the caller must confirm first (e.g. closing a phase that is open now); the message says which.",
  RATE_LIMITED: "Too many requests; try again later.",
  PAYLOAD_TOO_LARGE: "The request body is larger than the route accepts.",
  UNSUPPORTED_MEDIA_TYPE: "The request body is in a format the route does not read (it reads JSON).",
  HEADERS_TOO_LARGE: "The request's headers are larger than the server reads.",
  REQUEST_TIMEOUT: "The request did not arrive in time.",
  DATABASE_UNAVAILABLE: "The database cannot be opened or reached.",
  INVALID_TERM_PAGE: "A file is not a term page Cohort can read.",
  INTERNAL: "Something unexpected failed; the request id identifies it in the logs.",
} as const;

/** One code of the error catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * One input an error blames: where it is (`email`, `query.org`, `headers.x-csrf-token`), a stable
 * machine code a client branches on (`too_small`, `required`, ...), and the words a person reads.
 */
export interface FieldError {
  field: string;
  code: string;
  detail: string;
}

/** An error a person can act on: a stable code, a message that says what to fix, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The inputs at fault, so a client puts each message beside its field without reading the message. */
  readonly errors: readonly FieldError[];

  /**
   * `options.cause` keeps the error this one replaces (a driver error) for the logs; it never reaches a client.
   * `options.errors` names the inputs at fault.
   */
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown; errors?: readonly FieldError[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.errors = options?.errors ?? [];
  }
}

/** True when `error` is an AppError, optionally of the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
