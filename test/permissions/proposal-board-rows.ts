import { importTermPage } from "../../src/commands/term-pages/import-term-page.ts";
import { findProjectInProgram, updateProject } from "../../src/storage/repos/project-repo.ts";
import { parseTermPage } from "../../src/termpages/index.ts";
import type { Caller } from "./callers.ts";
import { adminOnly, type Expected, type RowGroup } from "./row.ts";

/** The term of proposals the rows decide on, imported like `cohort import --proposed`. */
const TERM = "board-rows-2026";

/** One proposal per route that changes it, so only the admin's call changes anything, in whatever order rows run. */
const PROPOSALS = { accept: "Accept me", reject: "Reject me", changes: "Send me back", change: "Approve my change", bulk: "Bulk accept me" } as const;

const key = (name: keyof typeof PROPOSALS) => `proposalBoard.${name}`;

/**
 * Who may decide on a proposal: its program's admins. Its maintainers and its confirmed mentor
 * may see it, so they are refused (403); anyone else is told it does not exist (404).
 */
const decide = (): Record<Caller, Expected> => ({
  visitor: 401,
  applicant: 404,
  anotherApplicant: 404,
  mentorOfProject: 403,
  mentorOfAnotherProject: 404,
  maintainerOfOrganization: 403,
  maintainerOfAnotherOrganization: 404,
  programAdmin: "ok",
  adminOfAnotherProgram: 404,
});

/** The admin's proposal board: a term's proposals, health and page, and the decisions on each proposal. */
export const PROPOSAL_BOARD_ROWS: RowGroup = {
  async setup(t, world) {
    const at = t.context.now();
    const projects = Object.values(PROPOSALS).flatMap((title) => [
      `#### ${title}`,
      "",
      "- Description: A proposal the permission table decides on.",
      "- Expected Outcome: A decision.",
      "- Recommended Skills: Go",
      "- Mentor(s):",
      `  - Mentor Of Project (<${world.emails.mentorOfProject}>)`,
      "",
    ]);
    const page = ["# Board Rows - 2026 June - August", "", "## Project ideas", "", "### Kestrel", "", ...projects].join("\n");
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(page, { fileName: "project_ideas.md", now: at }),
      programSlug: world.program,
      termSlug: TERM,
      projectState: "proposed",
      actor: { personId: null, label: "permission table" },
      now: at,
    });
    for (const [name, title] of Object.entries(PROPOSALS) as Array<[keyof typeof PROPOSALS, string]>) {
      const slug = `${TERM}-${title.toLowerCase().replaceAll(" ", "-")}`;
      const project = await findProjectInProgram(t.context.database.db, slug);
      if (!project) throw new Error(`the rows' proposal ${slug} was not made`);
      world.extra[key(name)] = slug;
      if (name === "change") {
        await updateProject(
          t.context.database.db,
          project.id,
          { state: "accepted", slots: 1, pendingChange: JSON.stringify({ description: "Changed." }), pendingChangeAt: at.toISOString() },
          at,
        );
      }
    }
  },
  rows: [
    { route: "GET /api/terms/:term/proposals", request: () => ({ url: `/api/terms/${TERM}/proposals?state=all` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/health", request: () => ({ url: `/api/terms/${TERM}/health` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/page.md", request: () => ({ url: `/api/terms/${TERM}/page.md` }), expected: adminOnly() },
    {
      route: "POST /api/terms/:term/proposals/accept",
      request: (w) => ({ url: `/api/terms/${TERM}/proposals/accept`, payload: { proposals: [{ slug: w.extra[key("bulk")], slots: 1 }] } }),
      expected: adminOnly(),
    },
    {
      route: "POST /api/proposals/:proposal/accept",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("accept")]}/accept`, payload: { slots: 1 } }),
      expected: decide(),
    },
    {
      route: "POST /api/proposals/:proposal/reject",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("reject")]}/reject`, payload: { reason: "Not this term." } }),
      expected: decide(),
    },
    {
      route: "POST /api/proposals/:proposal/request-changes",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("changes")]}/request-changes`, payload: { comment: "Say more." } }),
      expected: decide(),
    },
    {
      route: "POST /api/proposals/:proposal/approve-change",
      request: (w) => ({ url: `/api/proposals/${w.extra[key("change")]}/approve-change`, payload: {} }),
      expected: decide(),
    },
  ],
};
