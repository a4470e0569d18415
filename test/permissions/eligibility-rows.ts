import type { TermSetupBody } from "../../src/schemas/term-setup.ts";
import { asBrowser } from "../helpers/accounts.ts";
import type { TestApp } from "../helpers/app.ts";
import type { Caller, PermissionWorld } from "./callers.ts";
import { adminOnly, type Expected, every, type RowGroup, signedIn } from "./row.ts";

const key = (name: string) => `eligibility.${name}`;
const PUBLISHED = key("published");
const DRAFT = key("draft");
/** The published term's questions as JSON, sent back unchanged so no row changes what another reads. */
const QUESTIONS = key("questions");
/** An answer to each of the published term's questions, as JSON. */
const ANSWERS = key("answers");

/** A term of the demo program whose applications open long after the table runs, so answers can still change. */
function futureTerm(title: string): TermSetupBody {
  return {
    title,
    timeZone: "UTC",
    lengthWeeks: 12,
    timeline: [{ kind: "applications", activity: "Applications", startsLocal: "2099-02-01T00:00", endsLocal: "2099-02-15T00:00" }],
  };
}

async function makeTerm(t: TestApp, world: PermissionWorld, title: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/programs/${world.program}/terms`,
    headers: asBrowser(world.sessions.programAdmin),
    payload: futureTerm(title),
  });
  if (response.statusCode !== 201) throw new Error(`the eligibility rows' term was not made: ${response.body}`);
  return response.json().slug;
}

const json = (w: PermissionWorld, name: string): object => JSON.parse(w.extra[name] ?? "{}");

/** A draft term: only its program's admin finds it; a visitor is asked to sign in first. */
const draftAdminOnly = (): Record<Caller, Expected> => ({ ...every(404), visitor: 401, programAdmin: "ok" });

/**
 * Eligibility (issue 12): the program's questions and each term's copy are its admins' alone;
 * every signed-in person reads and answers a published term's questions for themselves (no route
 * names another person, so nobody reads another's answers); a draft term's do not exist for
 * anyone but its admins, who cannot answer them before it is published.
 */
export const ELIGIBILITY_ROWS: RowGroup = {
  async setup(t, world) {
    const published = await makeTerm(t, world, "Eligibility Rows Published");
    const publish = await t.app.inject({ method: "POST", url: `/api/terms/${published}/publish`, headers: asBrowser(world.sessions.programAdmin) });
    if (publish.statusCode !== 200) throw new Error(`the eligibility rows' term was not published: ${publish.body}`);
    world.extra[PUBLISHED] = published;
    world.extra[DRAFT] = await makeTerm(t, world, "Eligibility Rows Draft");
    const questions = await t.app.inject({
      method: "GET",
      url: `/api/terms/${published}/eligibility-questions`,
      headers: asBrowser(world.sessions.programAdmin),
    });
    const list = questions.json().questions as Array<{ id: number; kind: string }>;
    world.extra[QUESTIONS] = JSON.stringify({ questions: list });
    world.extra[ANSWERS] = JSON.stringify({ answers: list.map((question) => ({ questionId: question.id, answer: "yes" })) });
  },
  rows: [
    {
      route: "GET /api/programs/:program/eligibility-questions",
      request: (w) => ({ url: `/api/programs/${w.program}/eligibility-questions` }),
      expected: adminOnly(),
    },
    {
      route: "PUT /api/programs/:program/eligibility-questions",
      request: (w) => ({ url: `/api/programs/${w.program}/eligibility-questions`, payload: json(w, QUESTIONS) }),
      expected: adminOnly(),
    },
    {
      route: "GET /api/terms/:term/eligibility-questions",
      request: (w) => ({ url: `/api/terms/${w.extra[PUBLISHED]}/eligibility-questions` }),
      expected: adminOnly(),
    },
    {
      route: "GET /api/terms/:term/eligibility-questions",
      request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/eligibility-questions` }),
      expected: draftAdminOnly(),
    },
    {
      route: "PUT /api/terms/:term/eligibility-questions",
      request: (w) => ({ url: `/api/terms/${w.extra[PUBLISHED]}/eligibility-questions`, payload: json(w, QUESTIONS) }),
      expected: adminOnly(),
    },
    { route: "GET /api/terms/:term/eligibility", request: (w) => ({ url: `/api/terms/${w.extra[PUBLISHED]}/eligibility` }), expected: signedIn() },
    { route: "GET /api/terms/:term/eligibility", request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/eligibility` }), expected: draftAdminOnly() },
    {
      route: "PUT /api/terms/:term/eligibility",
      request: (w) => ({ url: `/api/terms/${w.extra[PUBLISHED]}/eligibility`, payload: json(w, ANSWERS) }),
      expected: signedIn(),
    },
    // A draft's questions are answered once it is published: its admin is told so (409), anyone else finds nothing.
    {
      route: "PUT /api/terms/:term/eligibility",
      request: (w) => ({ url: `/api/terms/${w.extra[DRAFT]}/eligibility`, payload: { answers: [] } }),
      expected: { ...every(404), visitor: 401, programAdmin: 409 },
    },
  ],
};
