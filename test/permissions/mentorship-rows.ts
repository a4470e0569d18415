import { insertMentorship } from "../../src/storage/repos/offer-repo.ts";
import { insertApplicationRow } from "../helpers/draft-applications.ts";
import { applicationReaders, type RowGroup, signedIn } from "./row.ts";
import { insertMentoredProject, insertRowsTerm } from "./rows-term.ts";

const TERM = "mentorship-rows-term";
const MENTORSHIP = "mentorships.mentorship";

/**
 * Mentorships (issue 14): its mentee, the project's mentors and the program's admins read one;
 * everyone else is told it does not exist. Only the admins extend it.
 */
export const MENTORSHIP_ROWS: RowGroup = {
  async setup(t, world) {
    const { term, organizationId } = await insertRowsTerm(t, world, {
      slug: TERM,
      title: "Mentorship Rows Term",
      phases: [
        { kind: "start", activity: "mentorship begins", fromDay: -10, toDay: -10 },
        { kind: "midterm", activity: "midterm evaluations", fromDay: 20, toDay: 25 },
        { kind: "final", activity: "final evaluations", fromDay: 60, toDay: 65 },
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
  ],
};
