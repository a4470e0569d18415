import { OPEN_TERM } from "../helpers/web-server.ts";
import type { SignedInState } from "./account-fixtures.ts";
import type { PageState } from "./axe-pages.ts";
import type { ProposalFixtures } from "./proposal-fixtures.ts";

/** Who looks at a proposal page. */
type ProposalRole = "visitor" | "admin" | "maintainer";

const board = `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/proposals`;

/** The console lines of refusals a state provokes on purpose. */
export const PROVOKED_PROPOSAL_REFUSALS = /status of (400|409) /;

/** Every proposal page, and the states where it looks different. */
export const PROPOSAL_PAGES: PageState<ProposalFixtures, ProposalRole>[] = [
  { name: "maintainer's home", path: () => "/", as: "maintainer", phone: true },
  { name: "admin's home", path: () => "/", as: "admin", phone: true },
  { name: "draft proposal", path: (fixtures) => `/proposals/${fixtures.draft}`, as: "admin", phone: true },
  {
    name: "draft proposal saved as it is typed",
    path: (fixtures) => `/proposals/${fixtures.draft}`,
    as: "admin",
    act: async (page) => {
      // Different words each time, so every run of this state has something to save.
      await page.getByLabel("Expected outcome").fill(`- Resumable replication jobs\n- Tests, docs and demo ${Date.now()}, merged upstream`);
      await page.locator(".autosave-status", { hasText: /^Saved \d\d:\d\d$/ }).waitFor();
    },
  },
  { name: "draft proposal after the proposals phase", path: (fixtures) => `/proposals/${fixtures.draft}`, as: "maintainer" },
  {
    name: "draft proposal with an error beside a field",
    path: (fixtures) => `/proposals/${fixtures.draft}`,
    as: "admin",
    act: async (page) => {
      await page.getByLabel("Mentor 1", { exact: true }).fill("not an address");
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "submitted proposal naming the maintainer as a mentor", path: (fixtures) => `/proposals/${fixtures.submitted}`, as: "maintainer" },
  { name: "accepted project with a pending change", path: (fixtures) => `/proposals/${fixtures.accepted}`, as: "maintainer", phone: true },
  { name: "new proposal", path: () => `/terms/${OPEN_TERM.term}/proposals/new?organization=harbor`, as: "maintainer", phone: true },
  { name: "mentor confirmation link", path: (fixtures) => `/mentor-confirmations#token=${fixtures.mentorToken}`, as: "visitor", phone: true },
  { name: "mentor confirmation without a link", path: () => "/mentor-confirmations", as: "visitor" },
  { name: "proposal board", path: () => board, as: "admin", phone: true },
  { name: "proposal board deciding on a proposal", path: (fixtures) => `${board}?decide=${fixtures.submitted}`, as: "admin" },
  {
    name: "proposal board refusing to accept without a confirmed mentor",
    path: (fixtures) => `${board}?decide=${fixtures.submitted}`,
    as: "admin",
    act: async (page) => {
      await page.getByRole("button", { name: "Accept", exact: true }).click();
      await page.locator(".decision-panel .error-panel").waitFor();
    },
  },
  {
    name: "proposal board with a pending change's diff",
    path: (fixtures) => `${board}?pendingChange=true&decide=${fixtures.accepted}`,
    as: "admin",
    phone: true,
  },
];

/** The cookies of the person a proposal page is seen as. */
export function proposalSession(fixtures: ProposalFixtures, as: ProposalRole): SignedInState | undefined {
  return as === "admin" ? fixtures.admin : as === "maintainer" ? fixtures.maintainer : undefined;
}
