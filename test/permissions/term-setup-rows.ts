import type { TermSetupBody } from "../../src/schemas/term-setup.ts";
import { asBrowser } from "../helpers/accounts.ts";
import type { Caller } from "./callers.ts";
import { adminOnly, type Expected, every, type RowGroup } from "./row.ts";

/** The draft term the rows read and edit: it does not exist for anyone but the demo program's admins. */
const DRAFT = "termSetup.draft";

/** A term made in Cohort whose title names who asked, so that every caller's would get a slug of its own. */
function newTerm(title: string): TermSetupBody {
  return {
    title,
    timeZone: "America/Los_Angeles",
    lengthWeeks: 12,
    timeline: [{ kind: "proposals", activity: "Project proposals", startsLocal: "2027-01-05T09:00", endsLocal: "2027-01-28T17:00" }],
  };
}

/** Only the program's admin finds the draft; a visitor is asked to sign in first, anyone else finds nothing. */
const draftAdminOnly = (): Record<Caller, Expected> => ({ ...every(404), visitor: 401, programAdmin: "ok" });
/** A public read of the draft: found by its program's admin alone. */
const draftRead = (): Record<Caller, Expected> => ({ ...every(404), programAdmin: "ok" });

/** Terms set up in Cohort: only the program's admins make, edit, publish and copy them; a draft is theirs alone. */
export const TERM_SETUP_ROWS: RowGroup = {
  async setup(t, world) {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/programs/${world.program}/terms`,
      headers: asBrowser(world.sessions.programAdmin),
      payload: newTerm("Permission Table Draft"),
    });
    if (response.statusCode !== 201) throw new Error(`the rows' draft term was not made: ${response.body}`);
    world.extra[DRAFT] = response.json().slug;
  },
  rows: [
    {
      route: "POST /api/programs/:program/terms",
      request: (w, caller) => ({ url: `/api/programs/${w.program}/terms`, payload: newTerm(`Term made by ${caller}`) }),
      expected: adminOnly(),
    },
    { route: "GET /api/terms/:term/setup", request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/setup` }), expected: draftAdminOnly() },
    // A published term is public: its setup is refused (403), not hidden.
    { route: "GET /api/terms/:term/setup", request: () => ({ url: "/api/terms/2026-demo-term-02/setup" }), expected: adminOnly() },
    {
      route: "PATCH /api/terms/:term/setup",
      request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/setup`, payload: { title: "Permission Table Draft" } }),
      expected: draftAdminOnly(),
    },
    // Publishing a published term changes nothing, so the row leaves the fixture as it is.
    { route: "POST /api/terms/:term/publish", request: () => ({ url: "/api/terms/2026-demo-term-02/publish" }), expected: adminOnly() },
    {
      route: "POST /api/terms/:term/copy",
      request: (w, caller) => ({ url: `/api/terms/${w.extra[DRAFT]}/copy`, payload: { title: `Copy made by ${caller}`, shiftWeeks: 52 } }),
      expected: draftAdminOnly(),
    },
    // Every public read of a draft, as for a term that does not exist.
    { route: "GET /api/terms/:term", request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}` }), expected: draftRead() },
    { route: "GET /api/terms/:term/projects", request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/projects` }), expected: draftRead() },
    { route: "GET /api/terms/:term/calendar.ics", request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/calendar.ics` }), expected: draftRead() },
  ],
};
