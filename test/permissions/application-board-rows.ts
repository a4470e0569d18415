import type { Caller } from "./callers.ts";
import { adminOnly, type Expected, type RowGroup, signedIn } from "./row.ts";

/** The term whose applications the rows read: the one the world's project belongs to. */
const TERM = "2026-demo-term-02";

/**
 * Who may read a project's applications and set its soft cap: its confirmed mentors and its
 * program's admins. To anyone else they do not exist (404), so nobody learns who applied where.
 */
const mentorsAndAdmins = (): Record<Caller, Expected> => ({ ...signedIn(404), mentorOfProject: "ok", programAdmin: "ok" });

/** The mentors' and admins' side of applications: soft caps, a mentor's projects, a project's and a term's applications. */
export const APPLICATION_BOARD_ROWS: RowGroup = {
  rows: [
    {
      route: "PATCH /api/projects/:project/application-settings",
      // Null, which the project already has: each caller's attempt changes nothing the other rows read.
      request: (w) => ({ url: `/api/projects/${w.project}/application-settings`, payload: { applicationCap: null } }),
      expected: mentorsAndAdmins(),
    },
    {
      route: "GET /api/applications/:application/applicant",
      // The application the applicant submitted in the applications group's setup: its readers see who sent it.
      request: (w) => ({ url: `/api/applications/${w.extra["applications.read"]}/applicant` }),
      expected: { ...mentorsAndAdmins(), applicant: "ok" },
    },
    { route: "GET /api/me/mentoring", request: () => ({ url: "/api/me/mentoring" }), expected: signedIn() },
    { route: "GET /api/projects/:project/applications", request: (w) => ({ url: `/api/projects/${w.project}/applications` }), expected: mentorsAndAdmins() },
    { route: "GET /api/terms/:term/applications", request: () => ({ url: `/api/terms/${TERM}/applications?state=all` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/applications.csv", request: () => ({ url: `/api/terms/${TERM}/applications.csv` }), expected: adminOnly() },
  ],
};
