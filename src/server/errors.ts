import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type FieldError } from "../errors/app-error.ts";
import type { Problem } from "../schemas/problem.ts";
import { SLUG_MAX_LENGTH } from "../schemas/slug.ts";

/** The one table from error code to HTTP status; only this file reads it. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_CONFIG: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PHASE_CLOSED: 409,
  LIMIT_REACHED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONFIRMATION_REQUIRED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  DATABASE_UNAVAILABLE: 503,
  INVALID_TERM_PAGE: 422,
  INTERNAL: 500,
};

const TITLES: Record<ErrorCode, string> = {
  INVALID_INPUT: "Invalid input",
  INVALID_CONFIG: "Server misconfigured",
  UNAUTHENTICATED: "Sign in required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  PHASE_CLOSED: "Not open in this phase",
  LIMIT_REACHED: "Limit reached",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  CONFIRMATION_REQUIRED: "Confirmation required",
  RATE_LIMITED: "Too many requests",
  PAYLOAD_TOO_LARGE: "Request body too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported body format",
  HEADERS_TOO_LARGE: "Request headers too large",
  REQUEST_TIMEOUT: "Request timeout",
  DATABASE_UNAVAILABLE: "Database unavailable",
  INVALID_TERM_PAGE: "Not a readable term page",
  INTERNAL: "Internal error",
};

/** The code of a client error raised with only a status (by Fastify or a plugin); others are INVALID_INPUT. */
const CLIENT_ERROR_CODES: Partial<Record<number, ErrorCode>> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** The HTTP status an error code answers with. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * Installs the handlers that turn every failure into `application/problem+json`: AppErrors by
 * the table above, request validation as INVALID_INPUT naming the field, Fastify's own client
 * errors by their status, anything else as a logged 500 with a generic message.
 */
export function installErrorHandlers(
  app: FastifyInstance,
  options: { webPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.code === "INTERNAL") {
      request.log.error({ err: error }, "request failed");
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
    } else if (appError.code === "DATABASE_UNAVAILABLE") {
      // The driver's own error says which server, which code: what an operator needs.
      request.log.warn({ err: appError.cause ?? appError }, "database unavailable");
    }
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    const page = options.webPage?.(request, reply);
    if (page) return page;
    return sendProblem(
      request,
      reply,
      new AppError("NOT_FOUND", `There is no ${request.method} ${request.url.split("?")[0]} on this server; the API is described at /api/docs.`),
    );
  });
}

/** Sends an AppError as a problem document. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body = problemOf(error, request.url.split("?")[0] ?? request.url, String(request.id));
  return reply.code(body.status).type("application/problem+json; charset=utf-8").serializer(JSON.stringify).send(body);
}

function problemOf(error: AppError, instance: string, requestId: string): Problem {
  return {
    type: `urn:cohort:error:${error.code.toLowerCase()}`,
    title: TITLES[error.code],
    status: HTTP_STATUS[error.code],
    detail: error.message,
    code: error.code,
    instance,
    requestId,
    ...(error.details ? { details: error.details } : {}),
    ...(error.errors.length > 0 ? { errors: [...error.errors] } : {}),
  };
}

/**
 * Fastify's `clientErrorHandler`: a request Node cannot read at all (not HTTP, headers over its
 * limit, too slow to arrive) gets a problem too, with a new request id, and the connection closes.
 */
export function answerUnreadableRequest(error: ConnectionError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const appError =
    error.code === "HPE_HEADER_OVERFLOW"
      ? new AppError("HEADERS_TOO_LARGE", "The request's headers are larger than the server reads (16 KiB); send fewer or smaller cookies and headers.")
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? new AppError("REQUEST_TIMEOUT", "The request took too long to arrive; send it again.")
        : new AppError("INVALID_INPUT", "The request is not HTTP/1.1 the server can read; check the request line and headers.");
  const requestId = randomUUID();
  const body = JSON.stringify(problemOf(appError, "", requestId));
  const status = HTTP_STATUS[appError.code];
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors` option: errors the router raises before any route (or the error
 * handler) is chosen, such as a path that is not valid percent-encoding, answered as problems too.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header("x-request-id", request.id);
  return sendProblem(request, reply, toAppError(error, request));
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => fieldErrorOf(error.validationContext, issue, request));
    const first = error.validation[0];
    const where = [error.validationContext, ...(first?.instancePath ?? "").split("/").filter(Boolean)].filter(Boolean).join(".");
    return new AppError("INVALID_INPUT", `${where || "The request"}: ${first?.message ?? "is invalid"}`, undefined, { errors });
  }
  if (isResponseSerializationError(error))
    return new AppError("INTERNAL", "The server produced a response it could not send; the request id identifies it in the logs.");
  const framework = frameworkClientError(error, request);
  if (framework) return framework;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Other client errors of Fastify and its plugins have safe messages; the status is kept where the catalogue has it.
    return new AppError(CLIENT_ERROR_CODES[status] ?? "INVALID_INPUT", error.message);
  }
  return new AppError("INTERNAL", "Something went wrong on the server; quote the request id when reporting it.");
}

/** Where a request's inputs sit: the body's fields are named bare (`email`), the others with their part (`query.org`). */
const PART_NAMES: Record<string, string> = { body: "", querystring: "query", params: "params", headers: "headers" };

/** One zod issue of request validation as a field error with a stable code. */
function fieldErrorOf(
  context: string | undefined,
  issue: { keyword: string; instancePath: string; message?: string | undefined; params: Record<string, unknown> },
  request: FastifyRequest,
): FieldError {
  const part = context === undefined ? "" : (PART_NAMES[context] ?? context);
  const path = issue.instancePath.split("/").filter(Boolean);
  const field = [part, ...path].filter(Boolean).join(".") || (part === "" ? "body" : part);
  const inputs: Record<string, unknown> = { body: request.body, querystring: request.query, params: request.params, headers: request.headers };
  const sent = context !== undefined && context in inputs ? valueAt(inputs[context], path) : null;
  return { field, code: issueCode(issue.keyword, issue.params, sent), detail: issue.message ?? "is invalid" };
}

/** The value a request sent at a path, or undefined when it sent none there. */
function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * zod's issue codes (`too_small`, `invalid_format`, ...) as they are, with two made plainer:
 * a value not sent at all is `required`, and a refinement names its own code in `params.code`.
 */
function issueCode(keyword: string, params: Record<string, unknown>, sent: unknown): string {
  if (keyword === "invalid_type" && sent === undefined) return "required";
  if (keyword === "custom") {
    const own = (params.params as { code?: unknown } | undefined)?.code;
    return typeof own === "string" ? own : "invalid";
  }
  return keyword;
}

/** Fastify's own refusals of a request, in words that say what to send instead. */
function frameworkClientError(error: FastifyError, request: FastifyRequest): AppError | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than this route accepts (${request.routeOptions.bodyLimit} bytes); send less.`);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE": {
      const type = request.headers["content-type"];
      return new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        `${type ? `This route does not read a body of type ${type.slice(0, 100)}` : "The body has no content-type"}; send JSON with content-type application/json.`,
      );
    }
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("INVALID_INPUT", "The body is empty but its content-type says JSON: send a JSON object, or no content-type and no body.");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("INVALID_INPUT", "The body is not valid JSON (or has a __proto__ or constructor key); send a JSON object.");
    case "FST_ERR_BAD_URL":
      return new AppError("INVALID_INPUT", "The path is not percent-encoded properly (a % must be followed by two hex digits of UTF-8); fix the link.");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new AppError(
        "INVALID_INPUT",
        `Each part of the path is at most ${SLUG_MAX_LENGTH} characters (the longest slug); this one is longer, so it names nothing.`,
      );
    default:
      return undefined;
  }
}
