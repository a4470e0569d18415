import { describe, expect, test } from "vitest";
import { waitForEmail } from "../helpers/smtp-server.ts";
import { linkIn, PASSWORD, signedInName, signUpThroughApi, submitSignIn } from "./accounts.ts";
import { PHONE, setupWebApp, text } from "./support.ts";

const app = setupWebApp({ smtp: true });

/** Console lines of the expected 401 answers to a wrong password; anything else is a fault. */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 401 .*\/api\/auth\/signin\)$|status of 400 .*\/api\/auth\/signup\)$/.test(error));
}

describe("account flows", () => {
  test("sign up, confirm through the email the SMTP server received, sign out, a wrong password, sign in", async () => {
    const { page, open, errors } = await app.newPage();
    const smtp = app.smtp();
    await open("/");
    expect(await signedInName(page)).toBeNull();
    await page.getByRole("link", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();

    // A password that is too short is refused beside its field, and focus goes there.
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Email", { exact: true }).fill("ada@example.org");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator("#field-password-error").count()).toBe(1);
    expect(await text(page.locator("#field-password-error"))).toContain("Must be at least 10 characters");
    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-password");

    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    const before = smtp.received.length;
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    expect(await text(page.locator("main"))).toContain("We sent a link to ada@example.org; it works for 24 hours.");
    expect(await text(page.locator("main"))).toContain("Nothing arrived?");
    // Asking again goes to the confirmation link's own endpoint, never to a second sign-up.
    const resent = page.waitForResponse((response) => response.url().endsWith("/api/auth/verify/resend"));
    await page.getByRole("button", { name: "Send the confirmation link again" }).click();
    expect((await resent).status()).toBe(202);
    await page.getByRole("status").filter({ hasText: "If ada@example.org has an account waiting to be confirmed, a new link is on its way" }).waitFor();

    const email = await waitForEmail(smtp, "ada@example.org", { after: before });
    const link = linkIn(email, "/verify-email");
    expect(new URL(link).origin).toBe(app.server().url);
    await page.goto(link);
    await page.getByRole("heading", { name: "Your email address is confirmed" }).waitFor();
    expect(await text(page.locator("main"))).toContain("You are signed in as Ada Lovelace.");
    // The single-use token does not stay in the address bar or the history.
    expect(page.url()).not.toContain("token=");
    await expect.poll(() => signedInName(page)).toBe("Ada Lovelace");

    // Sign out from the header's menu, with the keyboard.
    await page.getByRole("button", { name: /Ada Lovelace/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /Ada Lovelace/, expanded: true }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("You are signed out of this browser.").waitFor();
    await expect.poll(() => signedInName(page)).toBeNull();
    expect((await page.request.get(`${app.server().url}/api/me`)).status()).toBe(401);

    // A wrong password: the error is beside the password field.
    await page.getByRole("link", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await submitSignIn(page, "ada@example.org", "not the password at all");
    await expect.poll(() => page.locator("#field-password-error").count()).toBe(1);
    expect(await text(page.locator("#field-password-error"))).toContain("The email or password is wrong.");
    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-describedby")).toBe("field-password-error");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-password");

    await submitSignIn(page, "ada@example.org", PASSWORD);
    await page.getByText("You are signed in as Ada Lovelace.").waitFor();
    await expect.poll(() => signedInName(page)).toBe("Ada Lovelace");
    expect(unexpected(errors)).toEqual([]);
  });

  test("reset a password: request, the email, its link, a new password; the old one fails and the new one works", async () => {
    const { page, context, open, errors } = await app.newPage({ viewport: PHONE });
    const smtp = app.smtp();
    const grace = { name: "Grace Hopper", email: "grace@example.org", password: PASSWORD };
    await signUpThroughApi(app.server(), context, grace);
    await context.clearCookies();

    await open("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(grace.email);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    // The address typed on the sign-in page comes along.
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe(grace.email);
    const before = smtp.received.length;
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    expect(await text(page.locator("main"))).toContain(`If ${grace.email} has a Cohort account, we sent it a link to choose a new password.`);
    expect(await text(page.locator("main"))).toContain("works for one hour");

    const email = await waitForEmail(smtp, grace.email, { after: before, matches: (message) => message.text?.includes("/reset-password#token=") ?? false });
    await page.goto(linkIn(email, "/reset-password"));
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    const newPassword = "an entirely new passphrase";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByRole("heading", { name: "Your password is changed" }).waitFor();
    expect(page.url()).not.toContain("token=");

    await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await submitSignIn(page, grace.email, PASSWORD);
    await expect.poll(() => page.locator("#field-password-error").count()).toBe(1);
    expect(await text(page.locator("#field-password-error"))).toContain("The email or password is wrong.");
    await submitSignIn(page, grace.email, newPassword);
    await page.getByText("You are signed in as Grace Hopper.").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The link was single-use: opening it again says so and offers a new one.
    await page.goto(linkIn(email, "/reset-password"));
    await page.getByLabel("New password", { exact: true }).fill("yet another long passphrase");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText(/This reset link is not valid any more/).waitFor();
    expect(unexpected(errors).filter((error) => !/status of 400 .*password-reset\/confirm\)$/.test(error))).toEqual([]);
  });
});
