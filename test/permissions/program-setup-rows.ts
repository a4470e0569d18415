import { asBrowser } from "../helpers/accounts.ts";
import { adminOnly, type RowGroup } from "./row.ts";

/** The organization the rows edit, so that the fixture's own keep their names. */
const ORGANIZATION = "programSetup.organization";

const STIPEND_POLICY = {
  currency: "USD",
  baseAmount: 300000,
  installments: [
    { percent: 50, releasedBy: "midterm" },
    { percent: 50, releasedBy: "final" },
  ],
};

/** Program settings, organizations and the stipend policy: only the program's own admins read or change them. */
export const PROGRAM_SETUP_ROWS: RowGroup = {
  async setup(t, world) {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/programs/${world.program}/organizations`,
      headers: asBrowser(world.sessions.programAdmin),
      payload: { name: "Permission Table Organization" },
    });
    if (response.statusCode !== 201) throw new Error(`the rows' organization was not made: ${response.body}`);
    world.extra[ORGANIZATION] = response.json().slug;
    // A policy to scale, so the country table's row answers its admin with the table, not "set the base first".
    const policy = await t.app.inject({
      method: "PUT",
      url: `/api/programs/${world.program}/stipend-policy`,
      headers: asBrowser(world.sessions.programAdmin),
      payload: STIPEND_POLICY,
    });
    if (policy.statusCode !== 200) throw new Error(`the rows' stipend policy was not set: ${policy.body}`);
  },
  rows: [
    { route: "GET /api/programs/:program/settings", request: (w) => ({ url: `/api/programs/${w.program}/settings` }), expected: adminOnly() },
    {
      route: "PATCH /api/programs/:program/settings",
      request: (w) => ({ url: `/api/programs/${w.program}/settings`, payload: { offerResponseHours: 72 } }),
      expected: adminOnly(),
    },
    {
      route: "POST /api/programs/:program/organizations",
      request: (w, caller) => ({ url: `/api/programs/${w.program}/organizations`, payload: { name: `Organization added by ${caller}` } }),
      expected: adminOnly(),
    },
    {
      route: "PATCH /api/programs/:program/organizations/:organization",
      request: (w, caller) => ({
        url: `/api/programs/${w.program}/organizations/${w.extra[ORGANIZATION]}`,
        payload: { description: `Described by ${caller}.` },
      }),
      expected: adminOnly(),
    },
    { route: "GET /api/programs/:program/stipend-policy", request: (w) => ({ url: `/api/programs/${w.program}/stipend-policy` }), expected: adminOnly() },
    {
      route: "PUT /api/programs/:program/stipend-policy",
      request: (w) => ({
        url: `/api/programs/${w.program}/stipend-policy`,
        payload: STIPEND_POLICY,
      }),
      expected: adminOnly(),
    },
    {
      route: "PUT /api/programs/:program/stipend-policy/countries",
      request: (w) => ({ url: `/api/programs/${w.program}/stipend-policy/countries`, payload: { csv: "IN,60" } }),
      expected: adminOnly(),
    },
  ],
};
