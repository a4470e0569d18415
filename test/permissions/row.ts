import type { TestApp } from "../helpers/app.ts";
import { CALLERS, type Caller, type PermissionWorld } from "./callers.ts";

/** What a caller should get: any 2xx ("ok"), or one exact status. */
export type Expected = "ok" | 302 | 400 | 401 | 403 | 404 | 409;

/** One route of the permission table, tried as every caller. */
export interface Row {
  /** "METHOD /path" exactly as the route is declared. */
  route: string;
  /** The request a caller sends; its method is the route's. */
  request(world: PermissionWorld, caller: Caller): { url: string; payload?: object; headers?: Record<string, string> };
  expected: Record<Caller, Expected>;
  /** Rows that end the caller's session run on a session of their own. */
  freshSession?: boolean;
  /** Rows that end every session of the caller: the table signs everyone in again after them. */
  endsAllSessions?: boolean;
}

/**
 * The rows of one part of the workflow, and what they need: `setup` makes the objects the rows
 * ask about (a draft term, a proposal per caller, ...) once the world exists, and keeps their
 * names in `world.extra`.
 */
export interface RowGroup {
  setup?(t: TestApp, world: PermissionWorld): Promise<void>;
  rows: Row[];
}

/** Every caller gets the same answer. */
export const every = (expected: Expected): Record<Caller, Expected> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, expected])) as Record<Caller, Expected>;
/** Signed-in callers get `expected`; a visitor 401. */
export const signedIn = (expected: Expected = "ok"): Record<Caller, Expected> => ({ ...every(expected), visitor: 401 });
/** Only the program's admin succeeds; other signed-in callers get 403, a visitor 401. */
export const adminOnly = (): Record<Caller, Expected> => ({ ...every(403), visitor: 401, programAdmin: "ok" });

/**
 * Who reaches something of the table's applicant's application to the project the table's mentor
 * mentors: the applicant, that mentor and the program's admin as given; everyone else is told it
 * does not exist (404), and a visitor is asked to sign in.
 */
export const applicationReaders = (expected: { applicant: Expected; mentor: Expected; admin: Expected }): Record<Caller, Expected> => ({
  ...every(404),
  visitor: 401,
  applicant: expected.applicant,
  mentorOfProject: expected.mentor,
  programAdmin: expected.admin,
});
