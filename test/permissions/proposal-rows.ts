import { findProjectInProgram } from "../../src/storage/repos/project-repo.ts";
import { asBrowser, tokenFromLatestEmail } from "../helpers/accounts.ts";
import type { TestApp } from "../helpers/app.ts";
import type { Caller, PermissionWorld } from "./callers.ts";
import { type Expected, every, type RowGroup, signedIn } from "./row.ts";
import { insertRowsTerm } from "./rows-term.ts";

/** A term of the demo program whose proposals window is open whenever the table runs. */
const TERM = "proposal-rows-term";
const DAY_MS = 24 * 60 * 60 * 1000;

const key = (name: string) => `proposals.${name}`;

/**
 * Who reaches a proposal of Kestrel that names the mentor of the project: its maintainers and
 * the program's admin (`maintainers`), the named mentor (`mentor`); to anyone else it does not
 * exist (404), and a visitor is asked to sign in.
 */
const proposalRow = (maintainers: Expected, mentor: Expected): Record<Caller, Expected> => ({
  visitor: 401,
  applicant: 404,
  anotherApplicant: 404,
  mentorOfProject: mentor,
  mentorOfAnotherProject: 404,
  maintainerOfOrganization: maintainers,
  maintainerOfAnotherOrganization: 404,
  programAdmin: maintainers,
  adminOfAnotherProgram: 404,
});

/** Makes a proposal of Kestrel as its maintainer, naming the mentor of the project and another mentor; submitted unless `draft`. */
async function propose(t: TestApp, world: PermissionWorld, title: string, draft = false): Promise<string> {
  const headers = asBrowser(world.sessions.maintainerOfOrganization);
  const created = await t.app.inject({
    method: "POST",
    url: `/api/terms/${TERM}/proposals`,
    headers,
    payload: {
      organization: world.organization,
      title,
      description: "A proposal the permission table reads.",
      expectedOutcome: "Answers.",
      skills: ["Go"],
      mentors: [world.emails.mentorOfProject, "second.mentor@example.org"],
    },
  });
  if (created.statusCode !== 201) throw new Error(`the rows' proposal was not made: ${created.body}`);
  const slug: string = created.json().slug;
  if (!draft) {
    const submitted = await t.app.inject({ method: "POST", url: `/api/proposals/${slug}/submit`, headers });
    if (submitted.statusCode !== 200) throw new Error(`the rows' proposal was not submitted: ${submitted.body}`);
  }
  return slug;
}

/**
 * Maintainers' proposals and mentors' answers (issue 11): a proposal is its maintainers', its
 * named mentors' and its program admins'; everyone else gets 404. A confirmation link is its own
 * proof, whoever is signed in.
 */
export const PROPOSAL_ROWS: RowGroup = {
  async setup(t, world) {
    const db = t.context.database.db;
    const at = t.context.now();
    await insertRowsTerm(t, world, {
      slug: TERM,
      title: "Proposal Rows Term",
      phases: [{ kind: "proposals", activity: "project proposals", fromDay: -30, toDay: 30 }],
    });
    world.extra[key("draft")] = await propose(t, world, "Draft of the table", true);
    world.extra[key("submitted")] = await propose(t, world, "Submitted to the table");
    world.extra[key("withdraw")] = await propose(t, world, "Withdrawn by the table");
    world.extra[key("answer")] = await propose(t, world, "Answered in the table");
    world.extra[key("link")] = await propose(t, world, "Answered by link in the table");
    world.extra[key("token")] = await tokenFromLatestEmail(t, world.emails.mentorOfProject, "/mentor-confirmations");
    // Asking again waits 10 minutes after an email: the rows' asks come long after the submit's.
    const asked = await findProjectInProgram(db, world.extra[key("submitted")] ?? "");
    if (!asked) throw new Error("no submitted proposal");
    await db
      .updateTable("projectMentors")
      .set({ askedAt: new Date(at.getTime() - DAY_MS).toISOString() })
      .where("projectId", "=", asked.id)
      .execute();
    const mentors: Array<{ personId: number }> = (
      await t.app.inject({
        method: "GET",
        url: `/api/proposals/${world.extra[key("submitted")]}`,
        headers: asBrowser(world.sessions.maintainerOfOrganization),
      })
    ).json().mentors;
    world.extra[key("mentor")] = String(mentors[0]?.personId);
    world.extra[key("secondMentor")] = String(mentors[1]?.personId);
  },
  rows: [
    {
      route: "POST /api/terms/:term/proposals",
      request: (w, caller) => ({ url: `/api/terms/${TERM}/proposals`, payload: { organization: w.organization, title: `Proposed by ${caller}` } }),
      // Kestrel is public: whoever may not propose for it is refused (403), not told it is missing.
      expected: { ...signedIn(403), maintainerOfOrganization: "ok", programAdmin: "ok" },
    },
    {
      route: "GET /api/proposals/:proposal",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("submitted")]}` }),
      expected: proposalRow("ok", "ok"),
    },
    {
      route: "PATCH /api/proposals/:proposal",
      request: (w, caller) => ({ url: `/api/proposals/${w.extra[key("draft")]}`, payload: { expectedOutcome: `Answers, as ${caller} wrote them.` } }),
      // The named mentor reads the proposal but does not write it.
      expected: proposalRow("ok", 403),
    },
    {
      route: "POST /api/proposals/:proposal/submit",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("draft")]}/submit`, payload: {} }),
      expected: proposalRow("ok", 403),
    },
    {
      route: "POST /api/proposals/:proposal/withdraw",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("withdraw")]}/withdraw`, payload: {} }),
      expected: proposalRow("ok", 403),
    },
    {
      route: "POST /api/proposals/:proposal/mentors/:person/ask-again",
      // The maintainer and the admin each ask a different mentor: a second ask within 10 minutes is refused.
      request: (w, caller) => ({
        url: `/api/proposals/${w.extra[key("submitted")]}/mentors/${caller === "programAdmin" ? w.extra[key("secondMentor")] : w.extra[key("mentor")]}/ask-again`,
        payload: {},
      }),
      expected: proposalRow("ok", 403),
    },
    {
      route: "POST /api/proposals/:proposal/mentor-answer",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("answer")]}/mentor-answer`, payload: { answer: "confirm" } }),
      // Only a mentor it names answers; its maintainer and admin see it but are not named.
      expected: proposalRow(403, "ok"),
    },
    {
      route: "POST /api/mentor-confirmations/lookup",
      request: (w) => ({ url: "/api/mentor-confirmations/lookup", payload: { token: w.extra[key("token")] } }),
      expected: every("ok"),
    },
    {
      route: "POST /api/mentor-confirmations/answer",
      request: (w) => ({ url: "/api/mentor-confirmations/answer", payload: { token: w.extra[key("token")], answer: "confirm" } }),
      expected: every("ok"),
    },
    { route: "GET /api/me/proposals", request: () => ({ url: "/api/me/proposals" }), expected: signedIn() },
    { route: "GET /api/skills", request: () => ({ url: "/api/skills?q=go" }), expected: every("ok") },
  ],
};
