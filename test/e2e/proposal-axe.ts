import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { type ProposalFixtures, prepareProposalFixtures } from "./proposal-fixtures.ts";
import { PHONE, setupWebApp } from "./support.ts";

/** A proposal page in one state, as one person sees it. */
interface ProposalPage {
  name: string;
  path: (fixtures: ProposalFixtures) => string;
  as: "visitor" | "admin" | "maintainer";
  /** Brings the page into the state to check. */
  act?: (page: Page) => Promise<void>;
  phone?: boolean;
}

const board = `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/proposals`;

/** The console lines of refusals a state provokes on purpose. */
export const PROVOKED_PROPOSAL_REFUSALS = /status of (400|409) /;

/** Every proposal page, and the states where it looks different. */
export const PROPOSAL_PAGES: ProposalPage[] = [
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

/** The session a page is seen with. */
export function stateFor(fixtures: ProposalFixtures, as: ProposalPage["as"]) {
  return as === "admin" ? { storageState: fixtures.admin } : as === "maintainer" ? { storageState: fixtures.maintainer } : {};
}

/**
 * Runs axe (WCAG 2.1 A and AA plus best practices) on every proposal page in one colour scheme
 * and expects no serious or critical violation. One file per scheme.
 */
export function describeProposalAxeChecks(colorScheme: "light" | "dark"): void {
  const app = setupWebApp();
  let fixtures: ProposalFixtures | undefined;
  beforeAll(async () => {
    fixtures = await prepareProposalFixtures(app);
  });

  describe(`accessibility of the proposal pages in the ${colorScheme} theme`, () => {
    test.each(PROPOSAL_PAGES)("the $name page has no serious or critical axe violation", async ({ path, as, act, phone }) => {
      if (!fixtures) throw new Error("fixtures missing");
      for (const viewport of phone ? [undefined, PHONE] : [undefined]) {
        const { page, open, errors } = await app.newPage({ colorScheme, ...(viewport ? { viewport } : {}), ...stateFor(fixtures, as) });
        await open(path(fixtures));
        await act?.(page);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
        expect(serious, `${path(fixtures)} at ${viewport ? PHONE.width : 1280} px`).toEqual([]);
        expect(errors.filter((error) => !PROVOKED_PROPOSAL_REFUSALS.test(error))).toEqual([]);
      }
    });
  });
}
