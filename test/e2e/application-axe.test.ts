import { type ApplicationFixtures, prepareApplicationFixtures } from "./application-fixtures.ts";
import { describePageChecks, type PageState } from "./axe-pages.ts";

/** Who looks at an application page. */
type Viewer = "applicant" | "newcomer" | "disqualified";

/** Every applicant page, and the states where it looks different. */
const APPLICATION_PAGES: PageState<ApplicationFixtures, Viewer>[] = [
  { name: "project page with the apply button", path: (fixtures) => `/projects/${fixtures.jaeger}`, as: "applicant", phone: true },
  { name: "project page asking a visitor to sign in to apply", path: (fixtures) => `/projects/${fixtures.harborCli}` },
  { name: "apply with the eligibility questions first", path: (fixtures) => `/projects/${fixtures.harborCli}/apply`, as: "newcomer", phone: true },
  { name: "apply when not eligible", path: (fixtures) => `/projects/${fixtures.harborCli}/apply`, as: "disqualified" },
  { name: "apply with a draft", path: (fixtures) => `/projects/${fixtures.harborCli}/apply`, as: "applicant", phone: true },
  {
    name: "apply with a cover letter too long and a link that is no web address",
    path: (fixtures) => `/projects/${fixtures.harborCli}/apply`,
    as: "applicant",
    act: async (page) => {
      await page.getByLabel(/^Cover letter/).fill("x".repeat(6001));
      await page.getByLabel("Link 1", { exact: true }).fill("ftp://example.org/cv");
      await page.locator(".char-count-over").waitFor();
      await page.locator("#field-links\\.0-error").waitFor();
    },
  },
  {
    name: "apply with a submitted application and its questions",
    path: (fixtures) => `/projects/${fixtures.withQuestions}/apply`,
    as: "applicant",
    phone: true,
  },
  { name: "apply again after withdrawing", path: (fixtures) => `/projects/${fixtures.jaeger}/apply`, as: "applicant" },
  { name: "my applications", path: () => "/applications", as: "applicant", phone: true },
  { name: "my applications, none yet", path: () => "/applications", as: "newcomer" },
  { name: "an application's read view", path: (fixtures) => `/applications/${fixtures.submitted}`, as: "applicant", phone: true },
  { name: "applicant's home with a draft to submit", path: () => "/", as: "applicant", phone: true },
];

describePageChecks({
  title: "applicant pages",
  screenshotPrefix: "application-",
  pages: APPLICATION_PAGES,
  prepare: prepareApplicationFixtures,
  session: (fixtures, as) => fixtures[as],
});
