import { describePageChecks } from "./axe-pages.ts";
import { PROPOSAL_PAGES, PROVOKED_PROPOSAL_REFUSALS, proposalSession } from "./proposal-axe.ts";
import { prepareProposalFixtures } from "./proposal-fixtures.ts";

describePageChecks({
  title: "proposal pages",
  screenshotPrefix: "proposal-",
  pages: PROPOSAL_PAGES,
  prepare: prepareProposalFixtures,
  session: proposalSession,
  provoked: PROVOKED_PROPOSAL_REFUSALS,
});
