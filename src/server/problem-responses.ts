import { Problem } from "../schemas/problem.ts";

/** Response schemas for the errors a route may answer, for its OpenAPI entry and serializer. */
export function problemResponses<const S extends readonly (400 | 401 | 403 | 404 | 409 | 422 | 429 | 503)[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((status) => [status, Problem])) as { [K in S[number]]: typeof Problem };
}
