import { OPEN_TERM } from "../helpers/web-server.ts";
import type { AccountFixtures, SignedInState } from "./account-fixtures.ts";
import type { PageState } from "./axe-pages.ts";

/** Who looks at an account or admin page. */
type AccountRole = "visitor" | "admin";

const admin = `/admin/${OPEN_TERM.program}`;

/** The console lines of the refusals these states provoke on purpose (a used link, a wrong password). */
export const PROVOKED_REFUSALS = /status of (400|401) /;

/** Every new page, and the states where it looks different: errors beside fields, messages, the open menu. */
export const ACCOUNT_PAGES: PageState<AccountFixtures, AccountRole>[] = [
  { name: "sign in", path: () => "/sign-in", as: "visitor", phone: true },
  {
    name: "sign in with errors beside the fields",
    path: () => "/sign-in",
    as: "visitor",
    act: async (page) => {
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "sign in after a refused provider sign-in", path: () => "/sign-in?error=denied", as: "visitor" },
  { name: "sign up", path: () => "/sign-up", as: "visitor" },
  {
    name: "sign up sent",
    path: () => "/sign-up",
    as: "visitor",
    act: async (page) => {
      await page.getByLabel("Your name").fill("Axe Tester");
      await page.getByLabel("Email", { exact: true }).fill("axe@example.org");
      await page.getByLabel("Password", { exact: true }).fill("a long enough password");
      await page.getByRole("button", { name: "Create account" }).click();
      // "Check your email" with SMTP, "Ask for your confirmation link" without it.
      await page.getByRole("heading", { name: /^(Check your email|Ask for your confirmation link)$/ }).waitFor();
    },
  },
  { name: "reset request", path: () => "/reset-password", as: "visitor" },
  { name: "reset with a token", path: () => "/reset-password#token=cohort_reset_not-a-real-token-at-all", as: "visitor" },
  { name: "verify without a token", path: () => "/verify-email", as: "visitor" },
  {
    name: "verify with a used token",
    path: () => "/verify-email#token=cohort_verify_not-a-real-token-at-all",
    as: "visitor",
    act: async (page) => {
      await page.locator(".error-panel").waitFor();
    },
  },
  { name: "invitation for a visitor", path: (fixtures) => `/invitations#token=${fixtures.invitationToken}`, as: "visitor" },
  { name: "invitation for someone else", path: (fixtures) => `/invitations#token=${fixtures.invitationToken}`, as: "admin" },
  { name: "account", path: () => "/account", as: "admin", phone: true },
  {
    name: "account menu open",
    path: () => "/account",
    as: "admin",
    act: async (page) => {
      await page.locator(".account-button").click();
      await page.locator(".account-button[aria-expanded='true']").waitFor();
    },
  },
  { name: "tokens", path: () => "/account/tokens", as: "admin" },
  {
    name: "token just created",
    path: () => "/account/tokens",
    as: "admin",
    act: async (page) => {
      await page.getByLabel("Name", { exact: true }).fill("Laptop");
      await page.getByRole("button", { name: "Create token" }).click();
      await page.locator(".secret-panel").waitFor();
    },
  },
  { name: "admin people", path: () => admin, as: "admin", phone: true },
  { name: "admin audit log", path: () => `${admin}/audit?objectType=invitation`, as: "admin", phone: true },
  { name: "admin settings", path: () => `${admin}/settings`, as: "admin", phone: true },
  {
    name: "admin settings with errors beside the fields",
    path: () => `${admin}/settings`,
    as: "admin",
    act: async (page) => {
      await page.getByLabel("Default time zone").fill("Mars/Olympus_Mons");
      await page.getByLabel("Applications per applicant and term").fill("25");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "admin stipends before a policy", path: () => `${admin}/stipends`, as: "admin" },
  {
    name: "admin stipends with a policy, its country table refused by line",
    path: () => `${admin}/stipends`,
    as: "admin",
    phone: true,
    // The phone's load finds the desktop's policy already saved.
    act: async (page) => {
      const base = page.getByLabel("Base amount");
      await base.waitFor();
      if ((await base.inputValue()) === "") {
        await base.fill("3000");
        await page.getByRole("button", { name: "Save the policy" }).click();
        await page.getByText("The stipend policy is saved.").waitFor();
      }
      await page.getByLabel("Or paste it").fill("country,percent\nIN,60\nXX,50");
      await page.getByRole("button", { name: "Replace the country table" }).click();
      await page.getByText("Line 3: “XX” is not an ISO 3166 country code such as DE or IN.").waitFor();
    },
  },
  { name: "admin organizations", path: () => `${admin}/organizations`, as: "admin", phone: true },
  {
    name: "admin organization edited with an error beside a field",
    path: () => `${admin}/organizations?edit=harbor`,
    as: "admin",
    act: async (page) => {
      await page.getByLabel("Website (optional)").fill("ftp://goharbor.io");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.locator(".field-error").first().waitFor();
    },
    phone: true,
  },
  { name: "admin terms", path: () => `${admin}/terms`, as: "admin", phone: true },
  { name: "new term", path: () => `${admin}/new-term`, as: "admin", phone: true },
  {
    name: "new term with a skipped hour, a doubled hour and errors beside the fields",
    path: () => `${admin}/new-term`,
    as: "admin",
    act: async (page) => {
      await page.getByLabel("Time zone", { exact: true }).fill("America/Los_Angeles");
      await page.getByLabel("Project proposals: Start", { exact: true }).fill("2027-03-14T02:30");
      await page.getByLabel("Last day of term: Start", { exact: true }).fill("2027-11-07T01:30");
      await page.getByRole("button", { name: "Add a row" }).click();
      await page.getByRole("button", { name: "Create the term as a draft" }).click();
      await page.locator(".error-summary").waitFor();
    },
    phone: true,
  },
  { name: "published term setup", path: () => `${admin}/terms/${OPEN_TERM.term}`, as: "admin", phone: true },
  {
    name: "admin term report",
    path: () => `${admin}/terms/${OPEN_TERM.term}/report`,
    as: "admin",
    phone: true,
    act: async (page) => {
      await page.locator(".funnel-chart").waitFor();
    },
  },
  {
    name: "draft term setup",
    path: () => `${admin}/new-term`,
    as: "admin",
    act: async (page) => {
      // A title of its own each time, as every run of this state creates a term.
      await page.getByLabel("Title", { exact: true }).fill(`Axe draft ${Math.random().toString(36).slice(2, 8)}`);
      await page.getByLabel("Time zone", { exact: true }).fill("America/Los_Angeles");
      await page.getByLabel("Project proposals: Start", { exact: true }).fill("2027-02-01T09:00");
      await page.getByLabel("Project proposals: End", { exact: true }).fill("2027-02-15T17:00");
      await page.getByRole("button", { name: "Create the term as a draft" }).click();
      await page.getByRole("heading", { name: /Draft — only admins see it/ }).waitFor();
    },
    phone: true,
  },
  { name: "admin outbox", path: () => `${admin}/outbox`, as: "admin" },
  {
    name: "admin outbox with a message open",
    path: () => `${admin}/outbox?state=pending`,
    as: "admin",
    act: async (page) => {
      await page.locator(".outbox-body summary").first().click();
      await page.locator(".outbox-body[open]").first().waitFor();
    },
  },
];

/** The cookies of the person an account or admin page is seen as. */
export function accountSession(fixtures: AccountFixtures, as: AccountRole): SignedInState | undefined {
  return as === "admin" ? fixtures.admin : undefined;
}
