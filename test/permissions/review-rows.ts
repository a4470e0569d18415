import type { PermissionWorld } from "./callers.ts";
import { adminOnly, applicationReaders, type Expected, type RowGroup, signedIn } from "./row.ts";
import { insertMentoredProject, insertRowsTerm, submitAsApplicant } from "./rows-term.ts";

/** A term of the demo program whose applications are open, and so its review window, whenever the table runs. */
const TERM = "review-rows-term";
/** The projects the rows apply to: one whose application the rows review, one whose a mentor declares a conflict with. */
const PROJECTS = ["review", "conflict"] as const;

const key = (name: string) => `reviews.${name}`;
const project = (w: PermissionWorld, name: (typeof PROJECTS)[number]) => w.extra[key(`project.${name}`)] ?? "";
const application = (w: PermissionWorld, name: (typeof PROJECTS)[number]) => w.extra[key(`application.${name}`)] ?? "";

/** The review of the applicant's application: its project's mentor and the program's admin as given; to its applicant too it does not exist. */
const reviewRow = (mentor: Expected, admin: Expected) => applicationReaders({ applicant: 404, mentor, admin });

/**
 * Review and selection (issue 13): a project's mentors read its queue and each application's
 * review, score, mark and rank, write notes and declare conflicts of interest; the program's
 * admins read and write notes but do not score, mark or rank (403); everyone else, the applicant
 * too, gets 404. Applicants rank their own applications. The selection is the admins' alone.
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
      route: "POST /api/applications/:application/review/conflict",
      request: (w) => ({ url: `/api/applications/${application(w, "conflict")}/review/conflict` }),
      expected: reviewRow("ok", 403),
    },
  ],
};
