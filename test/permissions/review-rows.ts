import { asBrowser } from "../helpers/accounts.ts";
import type { TestApp } from "../helpers/app.ts";
import type { PermissionWorld } from "./callers.ts";
import { adminOnly, applicationReaders, type Expected, type RowGroup, signedIn } from "./row.ts";
import { insertMentoredProject, insertRowsTerm, submitAsApplicant } from "./rows-term.ts";

/** A term of the demo program whose applications are open, and so its review window, whenever the table runs. */
const TERM = "review-rows-term";
/** The projects the rows apply to: one whose application the rows review, one whose a mentor declares a conflict with. */
const PROJECTS = ["review", "conflict"] as const;

/**
 * A term of its own whose selection the admins run, preview and publish: applications open, a
 * notifications phase after review, the applicant's one application, and a proposal made in setup.
 * Publishing it leaves the review term's selection rows as they were.
 */
const SELECTION_TERM = "review-rows-selection-term";
/** An offer per answer, each in a term of its own: accepting withdraws the applicant's other applications of its term. */
const ANSWERS = ["accept", "decline"] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

const key = (name: string) => `reviews.${name}`;
const project = (w: PermissionWorld, name: (typeof PROJECTS)[number]) => w.extra[key(`project.${name}`)] ?? "";
const application = (w: PermissionWorld, name: (typeof PROJECTS)[number]) => w.extra[key(`application.${name}`)] ?? "";
const offer = (w: PermissionWorld, answer: (typeof ANSWERS)[number]) => w.extra[key(`offer.${answer}`)] ?? "";

/** The selection term with the applicant's application and a proposal by the program's admin; keeps the run's id. */
async function setUpSelectionTerm(t: TestApp, world: PermissionWorld): Promise<void> {
  const { term, organizationId } = await insertRowsTerm(t, world, {
    slug: SELECTION_TERM,
    title: "Selection Rows Term",
    phases: [
      { kind: "applications", activity: "mentee applications", fromDay: -30, toDay: 30 },
      { kind: "review", activity: "application review", fromDay: 30, toDay: 40 },
      // Still ahead, so publishing schedules the notices and changes nothing for applicants.
      { kind: "notifications", activity: "selection notifications", fromDay: 41, toDay: 42 },
    ],
  });
  const row = await insertMentoredProject(t, world, { termId: term.id, organizationId, slug: `${SELECTION_TERM}-selected`, title: "Selected by the table" });
  await submitAsApplicant(t, world, row.slug, "review-rows-selection");
  const run = await t.app.inject({ method: "POST", url: `/api/terms/${SELECTION_TERM}/selection/runs`, headers: asBrowser(world.sessions.programAdmin) });
  if (run.statusCode !== 201) throw new Error(`the rows' selection did not run: ${run.body}`);
  world.extra[key("selection.run")] = String(run.json().run.id);
}

/** An offer to the applicant, open for a month, in a term of its own per answer; keeps the application's id. */
async function setUpOffer(t: TestApp, world: PermissionWorld, answer: (typeof ANSWERS)[number]): Promise<void> {
  const slug = `review-rows-offer-${answer}-term`;
  const { term, organizationId } = await insertRowsTerm(t, world, {
    slug,
    title: `Offer Rows Term (${answer})`,
    phases: [{ kind: "applications", activity: "mentee applications", fromDay: -30, toDay: 30 }],
  });
  const row = await insertMentoredProject(t, world, { termId: term.id, organizationId, slug: `${slug}-offered`, title: `Offered by the table: ${answer}` });
  const id = await submitAsApplicant(t, world, row.slug, `review-rows-offer-${answer}`);
  const at = t.context.now();
  await t.context.database.db
    .updateTable("applications")
    .set({
      state: "offered",
      offeredAt: at.toISOString(),
      offerSource: "selection",
      respondBy: new Date(at.getTime() + 30 * DAY_MS).toISOString(),
      updatedAt: at.toISOString(),
    })
    .where("id", "=", Number(id))
    .execute();
  world.extra[key(`offer.${answer}`)] = id;
}

/** The review of the applicant's application: its project's mentor and the program's admin as given; to its applicant too it does not exist. */
const reviewRow = (mentor: Expected, admin: Expected) => applicationReaders({ applicant: 404, mentor, admin });

/**
 * Review and selection (issue 13): a project's mentors read its queue and each application's
 * review, score, mark and rank, write notes and declare conflicts of interest; the program's
 * admins read and write notes but do not score, mark or rank (403); everyone else, the applicant
 * too, gets 404. Applicants rank their own applications. The selection, its dry run of the
 * outcome notices and its publication are the admins' alone. An offer is its applicant's alone to
 * accept or decline: to everyone else, its mentor and the admin too, it does not exist.
 */
export const REVIEW_ROWS: RowGroup = {
  async setup(t, world) {
    const { term, organizationId } = await insertRowsTerm(t, world, {
      slug: TERM,
      title: "Review Rows Term",
      timeZone: "Europe/Berlin",
      phases: [
        { kind: "applications", activity: "mentee applications", fromDay: -30, toDay: 30 },
        { kind: "review", activity: "application review", fromDay: 30, toDay: 40 },
      ],
    });
    for (const name of PROJECTS) {
      const row = await insertMentoredProject(t, world, { termId: term.id, organizationId, slug: `${TERM}-${name}`, title: `Reviewed by the table: ${name}` });
      world.extra[key(`project.${name}`)] = row.slug;
      world.extra[key(`application.${name}`)] = await submitAsApplicant(t, world, row.slug, `review-rows-${name}`);
    }
    await setUpSelectionTerm(t, world);
    for (const answer of ANSWERS) await setUpOffer(t, world, answer);
  },
  rows: [
    {
      route: "GET /api/projects/:project/review",
      request: (w) => ({ url: `/api/projects/${project(w, "review")}/review` }),
      expected: reviewRow("ok", "ok"),
    },
    {
      route: "PUT /api/projects/:project/shortlist",
      // Nothing is shortlisted, so the whole shortlist is the empty list.
      request: (w) => ({ url: `/api/projects/${project(w, "review")}/shortlist`, payload: { applications: [] } }),
      expected: reviewRow("ok", 403),
    },
    {
      route: "POST /api/projects/:project/review/not-shortlisted",
      // An empty preview marks nothing, so no row's application changes under another.
      request: (w) => ({ url: `/api/projects/${project(w, "review")}/review/not-shortlisted`, payload: { applications: [] } }),
      expected: reviewRow("ok", 403),
    },
    {
      route: "GET /api/applications/:application/review",
      request: (w) => ({ url: `/api/applications/${application(w, "review")}/review` }),
      expected: reviewRow("ok", "ok"),
    },
    {
      route: "PUT /api/applications/:application/review/score",
      request: (w) => ({ url: `/api/applications/${application(w, "review")}/review/score`, payload: { score: 4 } }),
      expected: reviewRow("ok", 403),
    },
    {
      route: "PUT /api/applications/:application/review/mark",
      // Not shortlisted, so the shortlist row's empty ranking stays whole.
      request: (w) => ({ url: `/api/applications/${application(w, "review")}/review/mark`, payload: { mark: "not_shortlisted" } }),
      expected: reviewRow("ok", 403),
    },
    {
      route: "POST /api/applications/:application/review/notes",
      request: (w, caller) => ({ url: `/api/applications/${application(w, "review")}/review/notes`, payload: { body: `A note by ${caller}.` } }),
      expected: reviewRow("ok", "ok"),
    },
    {
      route: "PUT /api/terms/:term/my-ranking",
      // Each caller ranks their own submitted applications of the term: these two are the applicant's, and nobody else's.
      request: (w) => ({
        url: `/api/terms/${TERM}/my-ranking`,
        payload: { applications: [Number(application(w, "conflict")), Number(application(w, "review"))] },
      }),
      expected: { ...signedIn(400), applicant: "ok" },
    },
    { route: "GET /api/terms/:term/selection", request: () => ({ url: `/api/terms/${TERM}/selection` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/selection.csv", request: () => ({ url: `/api/terms/${TERM}/selection.csv` }), expected: adminOnly() },
    { route: "POST /api/terms/:term/selection/runs", request: () => ({ url: `/api/terms/${TERM}/selection/runs` }), expected: adminOnly() },
    {
      route: "PUT /api/terms/:term/selection/overrides/:application",
      request: (w) => ({ url: `/api/terms/${TERM}/selection/overrides/${application(w, "review")}`, payload: { kind: "exclude" } }),
      expected: adminOnly(),
    },
    {
      route: "GET /api/terms/:term/selection/notices",
      request: () => ({ url: `/api/terms/${SELECTION_TERM}/selection/notices` }),
      expected: adminOnly(),
    },
    {
      route: "GET /api/terms/:term/selection/notices/:person",
      // The applicant's one application, submitted and not proposed: a "not selected" email, before and after publishing.
      request: (w) => ({ url: `/api/terms/${SELECTION_TERM}/selection/notices/${w.personIds.applicant}` }),
      expected: adminOnly(),
    },
    {
      route: "POST /api/terms/:term/selection/publish",
      // Only the admin gets past the permission check, so the run is published once, by them.
      request: (w) => ({ url: `/api/terms/${SELECTION_TERM}/selection/publish`, payload: { run: Number(w.extra[key("selection.run")]) } }),
      expected: adminOnly(),
    },
    ...ANSWERS.map((answer) => ({
      route: `POST /api/applications/:application/offer/${answer}`,
      request: (w: PermissionWorld) => ({ url: `/api/applications/${offer(w, answer)}/offer/${answer}` }),
      expected: applicationReaders({ applicant: "ok", mentor: 404, admin: 404 }),
    })),
    {
      route: "POST /api/applications/:application/review/conflict",
      request: (w) => ({ url: `/api/applications/${application(w, "conflict")}/review/conflict` }),
      expected: reviewRow("ok", 403),
    },
  ],
};
