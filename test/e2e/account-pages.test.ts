import { describe, expect, test } from "vitest";
import { listOutboxMessages } from "../../src/commands/outbox/list-outbox-messages.ts";
import { readOutboxMessage } from "../../src/commands/outbox/read-outbox-message.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signInAsNewAdmin, signUpThroughApi, submitSignIn } from "./accounts.ts";
import { setupWebApp, text, VIEWER_ZONE } from "./support.ts";

const app = setupWebApp();

describe("account pages", () => {
  test("on a server that sends no email, sign-up and password reset say so, and the link is in the operator's outbox", async () => {
    const { page, open, errors } = await app.newPage();
    await open("/sign-up");
    await page.getByText("You confirm it with a link from the server's operator: this server sends no email yet.").waitFor();
    await page.getByLabel("Your name").fill("Mary Jackson");
    await page.getByLabel("Email", { exact: true }).fill("mary@example.org");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Ask for your confirmation link" }).waitFor();
    const said = await text(page.locator("main"));
    expect(said).toContain("No email was sent to mary@example.org.");
    expect(said).toContain("This server sends no email yet: ask its operator for your confirmation link. They can read it with cohort outbox.");
    expect(said).not.toMatch(/we sent|check your email|nothing arrived/i);

    // What `cohort outbox` reads: the account email with its link, which confirms the address.
    const database = app.server().database;
    const [queued] = (await listOutboxMessages({ database, limit: 1 })).items;
    expect(queued?.recipientEmail).toBe("mary@example.org");
    const link = /\S+\/verify-email#token=\S+/.exec((await readOutboxMessage({ database, id: queued?.id ?? 0 })).bodyText)?.[0] ?? "";
    await page.goto(link);
    await page.getByRole("heading", { name: "Your email address is confirmed" }).waitFor();

    await open("/reset-password");
    await page.getByLabel("Email", { exact: true }).fill("mary@example.org");
    await page.getByRole("button", { name: "Ask for a link" }).click();
    await page.getByRole("heading", { name: "Ask for your link" }).waitFor();
    expect(await text(page.locator("main"))).toContain(
      "This server sends no email yet: ask its operator for the link to choose a new password, if mary@example.org has a Cohort account.",
    );
    expect(errors).toEqual([]);
  });

  test("a visitor is sent to sign in and comes back; the profile says who sees each field and keeps what is saved", async () => {
    const { page, context, open, errors } = await app.newPage();
    const person = { name: "Katherine Johnson", email: "katherine@example.org", password: PASSWORD };
    await signUpThroughApi(app.server(), context, person);
    await context.clearCookies();

    await page.goto("/account");
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/account");
    await submitSignIn(page, person.email, person.password);
    await page.waitForURL((url) => url.pathname === "/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();

    // Each field says who can see it.
    const badge = (field: string) => text(page.locator(".field", { has: page.getByText(field, { exact: true }) }).locator(".visibility"));
    expect(await badge("Name")).toContain("Public");
    expect(await badge("GitHub handle")).toContain("Public");
    expect(await badge("Time zone")).toContain("Only you");
    expect(await badge("Country")).toContain("Only you");
    expect(await badge("Skills")).toContain("Only you");
    expect(await badge("Email")).toContain("Program admins");
    // No switch promises to show the account's email: project pages show what their term pages give.
    expect(await text(page.locator(".field", { has: page.getByText("Email", { exact: true }) }))).toContain(
      "Project pages show the address each term page gives for its mentors, never your account's address.",
    );
    expect(await page.locator(".profile-form").getByRole("checkbox").count()).toBe(0);
    // The time zone starts at the browser's.
    expect(await page.getByLabel("Time zone").inputValue()).toBe(VIEWER_ZONE);

    // A bad GitHub handle is refused beside its field.
    await page.getByLabel("GitHub handle").fill("not a handle!");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.locator("#field-githubHandle-error").count()).toBe(1);
    expect(await text(page.locator("#field-githubHandle-error"))).toContain("Must be a GitHub user name");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-githubHandle");

    await page.getByLabel("GitHub handle").fill("@kjohnson");
    await page.getByLabel("Time zone").fill("America/New_York");
    await page.getByLabel("Country").fill("us");
    await page.getByLabel("Skills").fill("golang, Kubernetes , ");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Your profile is saved.").waitFor();

    await open("/account");
    expect(await page.getByLabel("GitHub handle").inputValue()).toBe("kjohnson");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("America/New_York");
    expect(await page.getByLabel("Country").inputValue()).toBe("US");
    expect(await page.getByLabel("Skills").inputValue()).toBe("Go, Kubernetes");
    expect(await badge("Email")).toContain("Program admins");
    expect(await text(page.locator(".role-list, p:has-text('No roles yet')"))).toContain("No roles yet");
    // The one refusal, of the bad handle, is the expected 400.
    expect(errors.filter((error) => !/status of 400 .*\/api\/me\)$/.test(error))).toEqual([]);
  });

  test("an API token: created with a scope, its secret shown once and copied, usable, then revoked", async () => {
    const { page, context, open, errors } = await app.newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signUpThroughApi(app.server(), context, { name: "Dorothy Vaughan", email: "dorothy@example.org", password: PASSWORD });
    await open("/account/tokens");
    await page.getByText("No tokens yet.").waitFor();

    await page.getByRole("button", { name: "Create token" }).click();
    await expect.poll(() => page.locator("#field-name-error").count()).toBe(1);
    await page.getByLabel("Name", { exact: true }).fill("Release script");
    await page.getByRole("radio", { name: "Read and write" }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByRole("heading", { name: /Copy your new token “Release script” now/ }).waitFor();
    expect(await text(page.locator(".secret-panel"))).toContain("You will not see it again.");
    const secret = await page.getByLabel("Token", { exact: true }).inputValue();
    expect(secret).toMatch(/^cohort_/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied to the clipboard.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The token works for the API, for its owner.
    const server = app.server().url;
    const asToken = { headers: { authorization: `Bearer ${secret}` } };
    const me = await fetch(`${server}/api/me`, asToken);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe("Dorothy Vaughan");

    // Once stored, the secret is gone from the page; the list shows the token without it.
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.locator(".secret-panel").waitFor({ state: "detached" });
    const row = page.locator("tbody tr", { hasText: "Release script" });
    await expect.poll(() => text(row)).toContain("Read and write");
    expect(await text(page.locator("main"))).not.toContain(secret);

    await row.getByRole("button", { name: "Revoke Release script" }).click();
    await row.getByRole("button", { name: "Revoke now" }).click();
    await expect.poll(() => text(row)).toContain("Revoked");
    expect((await fetch(`${server}/api/me`, asToken)).status).toBe(401);
    expect(errors).toEqual([]);
  });

  test("sign out everywhere ends every session, and says so", async () => {
    const first = await app.newPage();
    // Someone the first test has not signed up already: a second sign-up sends no confirmation link.
    await signUpThroughApi(app.server(), first.context, { name: "Gladys West", email: "gladys@example.org", password: PASSWORD });
    const second = await app.newPage({ storageState: await first.context.storageState() });
    await first.open("/account");
    await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await first.page.waitForURL((url) => url.pathname === "/sign-in");
    await first.page.getByText(/Signed out of \d+ sessions?\. Sign in again to continue\./).waitFor();
    await second.open("/account");
    await second.page.waitForURL((url) => url.pathname === "/sign-in");
    expect(first.errors).toEqual([]);
  });

  test("sign out everywhere can revoke the API tokens too, and says so", async () => {
    const { page, context, open, errors } = await app.newPage();
    await signUpThroughApi(app.server(), context, { name: "Christine Darden", email: "christine@example.org", password: PASSWORD });
    const server = app.server().url;
    const { csrfToken } = (await (await context.request.get(`${server}/api/me`)).json()) as { csrfToken: string };
    const created = await context.request.post(`${server}/api/me/tokens`, { data: { name: "ci", scope: "read" }, headers: { "x-csrf-token": csrfToken } });
    const { token } = (await created.json()) as { token: string };
    await open("/account");
    await page.getByLabel("Also revoke all my API tokens").check();
    await page.getByRole("button", { name: "Sign out everywhere and revoke tokens" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.getByText("Signed out of 1 session and revoked 1 API token. Sign in again to continue.").waitFor();
    expect((await fetch(`${server}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(errors).toEqual([]);
  });

  test("someone who is not an admin of the program is told so on its admin pages", async () => {
    const { page, context, open, errors } = await app.newPage();
    await signUpThroughApi(app.server(), context, { name: "Annie Easley", email: "annie@example.org", password: PASSWORD });
    await open(`/admin/${OPEN_TERM.program}/audit`);
    await page.getByText(/only the admins of this program see its admin pages/).waitFor();
    expect(await page.locator("table").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("at 360 px wide nothing scrolls sideways on the account and admin pages", async () => {
    const narrow = { width: 360, height: 780 };
    const { page, context, open, errors } = await app.newPage({ viewport: narrow });
    await signInAsNewAdmin(
      app.server(),
      context,
      { name: "Evelyn Boyd Granville-Collins", email: "evelyn@example.org", password: PASSWORD },
      OPEN_TERM.program,
    );
    const admin = `/admin/${OPEN_TERM.program}`;
    for (const path of ["/account", "/account/tokens", admin, `${admin}/audit`, `${admin}/outbox`, "/sign-up", "/reset-password"]) {
      await open(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(narrow.width);
    }
    // The header's menu fits too, opened.
    await open("/account");
    await page.locator(".account-button").click();
    const panel = await page.locator(".menu-panel").boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= narrow.width).toBe(true);
    expect(errors).toEqual([]);
  });
});
