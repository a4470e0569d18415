import { insertMentorship } from "../../src/storage/repos/offer-repo.ts";
import { insertApplicationRow } from "../helpers/draft-applications.ts";
import { adminOnly, applicationReaders, every, type RowGroup, signedIn } from "./row.ts";
import { insertMentoredProject, insertRowsTerm } from "./rows-term.ts";

const TERM = "mentorship-rows-term";
const MENTORSHIP = "mentorships.mentorship";

/**
 * Mentorships (issue 14): its mentee, the project's mentors and the program's admins read one;
 * everyone else is told it does not exist. Only the admins extend or end it; only its mentors
 * write assignments and evaluations; only its mentee reports and opts in as an alumnus. The
 * program's overview, evaluation questions and installments are its admins' alone.
 */
export const MENTORSHIP_ROWS: RowGroup = {
  async setup(t, world) {
    const { term, organizationId } = await insertRowsTerm(t, world, {
      slug: TERM,
      title: "Mentorship Rows Term",
      phases: [
        { kind: "start", activity: "mentorship begins", fromDay: -10, toDay: -10 },
        // Both evaluation windows are open, so the mentor's evaluation and the mentee's report reach their commands.
        { kind: "midterm", activity: "midterm evaluations", fromDay: -2, toDay: 3 },
        { kind: "final", activity: "final evaluations", fromDay: -1, toDay: 4 },
      ],
    });
    const project = await insertMentoredProject(t, world, { termId: term.id, organizationId, slug: `${TERM}-project`, title: "Mentored by the table" });
    const db = t.context.database.db;
    const at = t.context.now();
    const personId = world.personIds.applicant;
    const applicationId = await insertApplicationRow(db, { termId: term.id, projectId: project.id, personId, state: "accepted", at });
    world.extra[MENTORSHIP] = String(await insertMentorship(db, { termId: term.id, projectId: project.id, personId, applicationId, at }));
  },
  rows: [
    { route: "GET /api/me/mentorships", request: () => ({ url: "/api/me/mentorships" }), expected: signedIn() },
    {
      route: "GET /api/mentorships/:mentorship",
      request: (w) => ({ url: `/api/mentorships/${w.extra[MENTORSHIP]}` }),
      expected: applicationReaders({ applicant: "ok", mentor: "ok", admin: "ok" }),
    },
    {
      route: "PUT /api/mentorships/:mentorship/extension",
      request: (w) => ({ url: `/api/mentorships/${w.extra[MENTORSHIP]}/extension`, payload: { weeks: 2, reason: "The table extends it." } }),
      expected: applicationReaders({ applicant: 403, mentor: 403, admin: "ok" }),
    },
    {
      route: "PUT /api/mentorships/:mentorship/assignments",
      request: (w) => ({ url: `/api/mentorships/${w.extra[MENTORSHIP]}/assignments`, payload: { markdown: "- Read the parser." } }),
      expected: applicationReaders({ applicant: 403, mentor: "ok", admin: 403 }),
    },
    {
      route: "POST /api/mentorships/:mentorship/evaluations",
      request: (w) => ({
        url: `/api/mentorships/${w.extra[MENTORSHIP]}/evaluations`,
        payload: { kind: "midterm", outcome: "pass", toMentee: "Good.", toAdmins: "", answers: [] },
      }),
      expected: applicationReaders({ applicant: 403, mentor: "ok", admin: 403 }),
    },
    {
      route: "PUT /api/mentorships/:mentorship/report",
      request: (w) => ({
        url: `/api/mentorships/${w.extra[MENTORSHIP]}/report`,
        payload: { feedback: "Good program.", blogUrl: "https://blog.example.org/post" },
      }),
      expected: applicationReaders({ applicant: "ok", mentor: 403, admin: 403 }),
    },
    {
      route: "PUT /api/mentorships/:mentorship/alumni",
      request: (w) => ({ url: `/api/mentorships/${w.extra[MENTORSHIP]}/alumni`, payload: { listed: true } }),
      expected: applicationReaders({ applicant: "ok", mentor: 403, admin: 403 }),
    },
    {
      route: "POST /api/mentorships/:mentorship/end",
      request: (w) => ({ url: `/api/mentorships/${w.extra[MENTORSHIP]}/end`, payload: { reason: "The table ends it.", remaining: "withheld" } }),
      expected: applicationReaders({ applicant: 403, mentor: 403, admin: "ok" }),
    },
    { route: "GET /api/terms/:term/alumni", request: () => ({ url: `/api/terms/${TERM}/alumni` }), expected: every("ok") },
    { route: "GET /api/programs/:program/mentorships", request: (w) => ({ url: `/api/programs/${w.program}/mentorships` }), expected: adminOnly() },
    {
      route: "GET /api/programs/:program/evaluation-questions",
      request: (w) => ({ url: `/api/programs/${w.program}/evaluation-questions` }),
      expected: adminOnly(),
    },
    {
      route: "PUT /api/programs/:program/evaluation-questions",
      request: (w) => ({ url: `/api/programs/${w.program}/evaluation-questions`, payload: { questions: [] } }),
      expected: adminOnly(),
    },
    { route: "GET /api/programs/:program/installments", request: (w) => ({ url: `/api/programs/${w.program}/installments?state=due` }), expected: adminOnly() },
    {
      route: "POST /api/programs/:program/installments/approve",
      request: (w) => ({ url: `/api/programs/${w.program}/installments/approve`, payload: { ids: [2_000_000_000] } }),
      expected: { ...adminOnly(), programAdmin: 404 },
    },
    {
      route: "POST /api/programs/:program/installments/export",
      request: (w) => ({ url: `/api/programs/${w.program}/installments/export` }),
      expected: adminOnly(),
    },
    {
      route: "POST /api/programs/:program/installments/payments",
      request: (w) => ({
        url: `/api/programs/${w.program}/installments/payments`,
        payload: { payments: [{ installment: 2_000_000_000, reference: "PAY-1" }] },
      }),
      expected: { ...adminOnly(), programAdmin: 409 },
    },
    {
      route: "POST /api/programs/:program/installments/payments/import",
      request: (w) => ({ url: `/api/programs/${w.program}/installments/payments/import`, payload: { csv: "2000000000,PAY-1" } }),
      expected: { ...adminOnly(), programAdmin: 409 },
    },
  ],
};
