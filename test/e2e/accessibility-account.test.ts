import { ACCOUNT_PAGES, accountSession, PROVOKED_REFUSALS } from "./account-axe.ts";
import { prepareAccountFixtures } from "./account-fixtures.ts";
import { describePageChecks } from "./axe-pages.ts";

describePageChecks({
  title: "account and admin pages",
  screenshotPrefix: "account-",
  pages: ACCOUNT_PAGES,
  prepare: prepareAccountFixtures,
  session: accountSession,
  provoked: PROVOKED_REFUSALS,
});
