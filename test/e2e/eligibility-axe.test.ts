import { expect } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import type { SignedInState } from "./account-fixtures.ts";
import { PASSWORD, signInAsNewAdmin } from "./accounts.ts";
import { describePageChecks, type PageState } from "./axe-pages.ts";
import type { WebApp } from "./support.ts";

/** What the eligibility page needs: an admin of OPEN_TERM's program whose program asks three questions. */
interface EligibilityFixtures {
  admin: SignedInState;
}

async function prepareEligibilityFixtures(app: WebApp): Promise<EligibilityFixtures> {
  const server = app.server();
  const { context } = await app.newPage();
  await signInAsNewAdmin(server, context, { name: "Elif Admin", email: "elif@example.org", password: PASSWORD }, OPEN_TERM.program);
  const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
  const saved = await context.request.put(`${server.url}/api/programs/${OPEN_TERM.program}/eligibility-questions`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      questions: [
        { kind: "yes_no", prompt: "I am 18 or older", disqualifyingAnswers: ["no"], disqualifyingReason: "Mentees must be 18 or older." },
        { kind: "choice", prompt: "Where do you study?", choices: ["A university", "A bootcamp", "Nowhere"] },
        { kind: "text", prompt: "Which time zone do you work in?" },
      ],
    },
  });
  expect(saved.status()).toBe(200);
  return { admin: await context.storageState() };
}

/** The admins' eligibility page, as loaded, after a save the rules refuse, and after asking them in a term that has settled its own. */
const ELIGIBILITY_PAGES: PageState<EligibilityFixtures, "admin">[] = [
  { name: "the program's eligibility questions", path: () => `/admin/${OPEN_TERM.program}/eligibility`, as: "admin", phone: true },
  {
    name: "eligibility questions refused: a choice with one choice, a ruling answer without its reason",
    path: () => `/admin/${OPEN_TERM.program}/eligibility`,
    as: "admin",
    phone: true,
    act: async (page) => {
      await page.getByLabel("Choices, one per line").fill("Only one");
      await page.getByRole("checkbox", { name: "Only one" }).waitFor();
      await page.getByLabel("Why these answers rule an applicant out").fill("");
      await page.getByRole("button", { name: "Save the questions" }).click();
      await page.locator("#field-questions\\.1\\.choices-error").waitFor();
      await page.locator("#field-questions\\.0\\.disqualifyingReason-error").waitFor();
    },
  },
  {
    name: "eligibility questions refused for a term whose applications are open",
    path: () => `/admin/${OPEN_TERM.program}/eligibility`,
    as: "admin",
    act: async (page) => {
      await page.getByRole("button", { name: "Ask these questions in this term" }).click();
      await page.locator("#eligibility-copy-error").waitFor();
    },
  },
];

describePageChecks({
  title: "eligibility admin page",
  screenshotPrefix: "eligibility-",
  pages: ELIGIBILITY_PAGES,
  prepare: prepareEligibilityFixtures,
  session: (fixtures) => fixtures.admin,
  provoked: /status of 40[09]/,
});
