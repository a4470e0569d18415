import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieOf, type TestSession } from "../helpers/accounts.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { testDialects } from "../helpers/databases.ts";
import { APPLICATION_BOARD_ROWS } from "./application-board-rows.ts";
import { APPLICATION_ROWS } from "./application-rows.ts";
import { buildPermissionWorld, CALLERS, type Caller, PASSWORD, type PermissionWorld } from "./callers.ts";
import { ELIGIBILITY_ROWS } from "./eligibility-rows.ts";
import { MENTORSHIP_ROWS } from "./mentorship-rows.ts";
import { PROGRAM_SETUP_ROWS } from "./program-setup-rows.ts";
import { PROPOSAL_BOARD_ROWS } from "./proposal-board-rows.ts";
import { PROPOSAL_ROWS } from "./proposal-rows.ts";
import { REVIEW_ROWS } from "./review-rows.ts";
import { adminOnly, every, type Row, type RowGroup, signedIn } from "./row.ts";
import { TERM_REPORT_ROWS } from "./term-report-rows.ts";
import { TERM_SETUP_ROWS } from "./term-setup-rows.ts";

const PUBLIC_READS: Row[] = [
  { route: "GET /healthz", request: () => ({ url: "/healthz" }), expected: every("ok") },
  { route: "GET /readyz", request: () => ({ url: "/readyz" }), expected: every("ok") },
  { route: "GET /api/server", request: () => ({ url: "/api/server" }), expected: every("ok") },
  { route: "GET /api/programs", request: () => ({ url: "/api/programs" }), expected: every("ok") },
  { route: "GET /api/programs/:program/terms", request: (w) => ({ url: `/api/programs/${w.program}/terms` }), expected: every("ok") },
  { route: "GET /api/terms/:term", request: () => ({ url: "/api/terms/2026-demo-term-02" }), expected: every("ok") },
  { route: "GET /api/terms/:term/projects", request: () => ({ url: "/api/terms/2026-demo-term-02/projects?q=ebpf" }), expected: every("ok") },
  { route: "GET /api/terms/:term/calendar.ics", request: () => ({ url: "/api/terms/2026-demo-term-02/calendar.ics" }), expected: every("ok") },
  { route: "GET /api/projects/:project", request: (w) => ({ url: `/api/projects/${w.project}` }), expected: every("ok") },
];

const ACCOUNT_ROUTES: Row[] = [
  {
    route: "POST /api/auth/signup",
    request: (_w, caller) => ({ url: "/api/auth/signup", payload: { name: "New", email: `new-${caller}@example.org`, password: PASSWORD } }),
    expected: every("ok"),
  },
  {
    route: "POST /api/auth/verify",
    request: () => ({ url: "/api/auth/verify", payload: { token: "cohort_verify_not-a-real-token-at-all" } }),
    expected: every(400),
  },
  {
    route: "POST /api/auth/verify/resend",
    request: (w, caller) => ({ url: "/api/auth/verify/resend", payload: { email: caller === "visitor" ? "x@example.org" : w.emails[caller] } }),
    expected: every("ok"),
  },
  {
    route: "POST /api/auth/signin",
    request: () => ({ url: "/api/auth/signin", payload: { email: "nobody@example.org", password: "wrong password" } }),
    expected: every(401),
  },
  { route: "POST /api/auth/signout", request: () => ({ url: "/api/auth/signout", payload: {} }), expected: signedIn(), freshSession: true },
  {
    route: "POST /api/auth/signout-everywhere",
    request: () => ({ url: "/api/auth/signout-everywhere", payload: {} }),
    expected: signedIn(),
    freshSession: true,
    endsAllSessions: true,
  },
  {
    route: "POST /api/auth/password-reset",
    request: (w, caller) => ({ url: "/api/auth/password-reset", payload: { email: caller === "visitor" ? "x@example.org" : w.emails[caller] } }),
    expected: every("ok"),
  },
  {
    route: "POST /api/auth/password-reset/confirm",
    request: () => ({ url: "/api/auth/password-reset/confirm", payload: { token: "cohort_reset_not-a-real-token-at-all", password: PASSWORD } }),
    expected: every(400),
  },
  { route: "GET /api/me", request: () => ({ url: "/api/me" }), expected: signedIn() },
  { route: "PATCH /api/me", request: () => ({ url: "/api/me", payload: { timeZone: "Europe/Berlin" } }), expected: signedIn() },
  { route: "GET /api/me/tokens", request: () => ({ url: "/api/me/tokens" }), expected: signedIn() },
  { route: "POST /api/me/tokens", request: () => ({ url: "/api/me/tokens", payload: { name: "t", scope: "read" } }), expected: signedIn() },
  {
    route: "DELETE /api/me/tokens/:tokenId",
    request: (w) => ({ url: `/api/me/tokens/${w.applicantTokenId}` }),
    // Only its owner may revoke it; to anyone else the token does not exist.
    expected: { ...signedIn(404), applicant: "ok" },
  },
  // The test app has no OpenID Connect provider configured: the UI learns so, the start says so
  // (404), and a callback goes back to the sign-in page like any callback without a valid state.
  { route: "GET /api/auth/oidc/config", request: () => ({ url: "/api/auth/oidc/config" }), expected: every("ok") },
  { route: "GET /api/auth/oidc/start", request: () => ({ url: "/api/auth/oidc/start?returnTo=/" }), expected: every(404) },
  { route: "GET /api/auth/oidc/callback", request: () => ({ url: "/api/auth/oidc/callback?code=c&state=s" }), expected: every(302) },
  {
    route: "POST /api/invitations/lookup",
    request: () => ({ url: "/api/invitations/lookup", payload: { token: "cohort_invite_not-a-real-token-at-all" } }),
    expected: every(404),
  },
  {
    route: "POST /api/invitations/accept",
    request: () => ({ url: "/api/invitations/accept", payload: { token: "cohort_invite_not-a-real-token-at-all" } }),
    expected: signedIn(404),
  },
];

const ADMIN_ROUTES: Row[] = [
  { route: "GET /api/programs/:program/people", request: (w) => ({ url: `/api/programs/${w.program}/people` }), expected: adminOnly() },
  { route: "GET /api/programs/:program/invitations", request: (w) => ({ url: `/api/programs/${w.program}/invitations` }), expected: adminOnly() },
  { route: "GET /api/programs/:program/organizations", request: (w) => ({ url: `/api/programs/${w.program}/organizations` }), expected: adminOnly() },
  { route: "GET /api/programs/:program/audit", request: (w) => ({ url: `/api/programs/${w.program}/audit` }), expected: adminOnly() },
  { route: "GET /api/programs/:program/outbox", request: (w) => ({ url: `/api/programs/${w.program}/outbox` }), expected: adminOnly() },
  {
    route: "POST /api/programs/:program/invitations",
    request: (w, caller) => ({
      url: `/api/programs/${w.program}/invitations`,
      payload: { email: `mentor-by-${caller}@example.org`, role: "mentor", project: w.project },
    }),
    // A mentor invitation: the program's admins, and the maintainers of the project's organization.
    expected: { ...adminOnly(), maintainerOfOrganization: "ok" },
  },
];

/**
 * The groups of the workflow's routes, each in its own file beside this one, with the objects
 * its rows need made by its `setup`.
 */
const GROUPS: RowGroup[] = [
  APPLICATION_BOARD_ROWS,
  APPLICATION_ROWS,
  ELIGIBILITY_ROWS,
  MENTORSHIP_ROWS,
  PROGRAM_SETUP_ROWS,
  PROPOSAL_BOARD_ROWS,
  PROPOSAL_ROWS,
  REVIEW_ROWS,
  TERM_REPORT_ROWS,
  TERM_SETUP_ROWS,
];

/** The table: every API route, against every kind of caller. */
const TABLE: Row[] = [...PUBLIC_READS, ...ACCOUNT_ROUTES, ...ADMIN_ROUTES, ...GROUPS.flatMap((group) => group.rows)];

// One world per engine: building it signs up and signs in every caller, the slow part.
describe.each(testDialects())("permission table on %s", (dialect) => {
  let t: TestApp;
  let world: PermissionWorld;
  beforeAll(async () => {
    // Rate limits are tested on their own; the table signs in far more often than a person would.
    t = await createTestApp(dialect, { rateLimits: false });
    world = await buildPermissionWorld(t);
    for (const group of GROUPS) await group.setup?.(t, world);
  }, 120_000);
  afterAll(() => t.dispose());

  it("has a row for every route the server declares", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect([...new Set(TABLE.map((row) => row.route))].sort()).toEqual(declared.sort());
  });

  async function sessionFor(caller: Exclude<Caller, "visitor">, fresh: boolean): Promise<TestSession> {
    if (!fresh) return world.sessions[caller];
    const response = await t.app.inject({ method: "POST", url: "/api/auth/signin", payload: { email: world.emails[caller], password: PASSWORD } });
    return { cookie: sessionCookieOf(response) ?? "", csrfToken: response.json().csrfToken };
  }

  for (const row of TABLE) {
    // A row that signs every caller in again hashes a password (scrypt) per caller: seconds on a loaded machine.
    it(`${row.route}`, { timeout: 60_000 }, async () => {
      const [method, path] = row.route.split(" ");
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const caller of CALLERS) {
        const { url, payload, headers: rowHeaders } = row.request(world, caller);
        const headers: Record<string, string> = { ...rowHeaders };
        if (caller !== "visitor") {
          const session = await sessionFor(caller, row.freshSession === true);
          headers.cookie = session.cookie;
          headers["x-csrf-token"] = session.csrfToken;
        }
        const response = await t.app.inject({ method: method as "GET", url, headers, ...(payload ? { payload } : {}) });
        const expected = row.expected[caller];
        outcomes[caller] = expected === "ok" && response.statusCode >= 200 && response.statusCode < 300 ? "ok" : String(response.statusCode);
        wanted[caller] = String(expected);
      }
      if (row.endsAllSessions) {
        for (const caller of CALLERS) if (caller !== "visitor") world.sessions[caller] = await sessionFor(caller, true);
      }
      expect(outcomes, `${path}`).toEqual(wanted);
    });
  }
});
