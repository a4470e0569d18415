import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.ts";

/** The largest body any route accepts, in bytes: the biggest request (a profile) needs a few KB. */
export const BODY_LIMIT = 64 * 1024;

/** The body limit of routes that read a body before anyone is known (sign-in, sign-up, emailed tokens). */
export const CREDENTIALS_BODY_LIMIT = 8 * 1024;

/** How deep JSON may nest: Cohort's bodies nest two or three levels. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when JSON text nests arrays or objects deeper than `max`. One pass over the characters,
 * brackets inside strings skipped, so the cost is linear whatever the text; the text need not
 * be valid JSON (the parser judges that afterwards).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses deep nesting before parsing: a
 * million nested brackets fit in a few megabytes and cost seconds of the event loop to parse
 * and validate. Fastify's own parser still does the parsing, with its protection against
 * `__proto__` and `constructor` keys. Body size is bounded by the app's `bodyLimit`.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new AppError("INVALID_INPUT", `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep; no Cohort request needs more than a few.`),
        undefined,
      );
      return;
    }
    // Fastify's default parser answers through `done` and returns nothing to wait for.
    void parseJson(request, text, done);
  });
}
