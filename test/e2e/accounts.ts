import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { createProgramAdmin } from "../../src/commands/accounts/create-program-admin.ts";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import type { ReceivedEmail } from "../helpers/smtp-server.ts";
import type { WebServer } from "../helpers/web-server.ts";
import { text } from "./support.ts";

/** A password long enough for Cohort's rule. */
export const PASSWORD = "correct horse battery staple";

/** A person of a test: name, email and password. */
export interface TestPerson {
  name: string;
  email: string;
  password: string;
}

/** The link of an email that leads to `path` (e.g. "/verify-email"), token and all. */
export function linkIn(email: ReceivedEmail, path: string): string {
  const link = email.text?.match(new RegExp(`https?://\\S+${path}#token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`the email "${email.subject}" has no ${path} link:\n${email.text ?? email.raw}`);
  return link;
}

async function tokenFromOutbox(server: WebServer, email: string, path: string): Promise<string> {
  const { items } = await listOutbox(server.database.db, { limit: 200, offset: 0 });
  const message = items.find((item) => item.recipientEmail === email && item.bodyText.includes(`${path}#token=`));
  const token = message?.bodyText.match(new RegExp(`${path}#token=([\\w-]+)`))?.[1];
  if (!token) throw new Error(`no email to ${email} with a ${path} link in the outbox`);
  return token;
}

/**
 * Signs a person up and confirms the address through the API with the browser context's
 * cookies (the link is read from the outbox), so the context ends signed in. For tests whose
 * subject is another page; the flows themselves go through the UI.
 */
export async function signUpThroughApi(server: WebServer, context: BrowserContext, person: TestPerson): Promise<void> {
  const signup = await context.request.post(`${server.url}/api/auth/signup`, { data: person });
  expect(signup.status()).toBe(202);
  const token = await tokenFromOutbox(server, person.email, "/verify-email");
  const verify = await context.request.post(`${server.url}/api/auth/verify`, { data: { token } });
  expect(verify.status()).toBe(200);
}

/**
 * Makes a program admin as `cohort admin create` does, and returns the one-time link that
 * sets the admin's password.
 */
export async function createAdmin(server: WebServer, person: Omit<TestPerson, "password">, program: string): Promise<string> {
  const created = await createProgramAdmin({
    database: server.database,
    email: person.email,
    name: person.name,
    programSlug: program,
    baseUrl: server.url,
    now: new Date(),
  });
  if (!created.setPasswordUrl) throw new Error(`${person.email} can sign in already: use a new address`);
  return created.setPasswordUrl;
}

/** Makes a program admin and signs the browser context in as them, through the API. */
export async function signInAsNewAdmin(server: WebServer, context: BrowserContext, person: TestPerson, program: string): Promise<void> {
  const link = await createAdmin(server, person, program);
  const token = new URL(link).hash.replace("#token=", "");
  const confirm = await context.request.post(`${server.url}/api/auth/password-reset/confirm`, { data: { token, password: person.password } });
  expect(confirm.status()).toBe(200);
  const signin = await context.request.post(`${server.url}/api/auth/signin`, { data: { email: person.email, password: person.password } });
  expect(signin.status()).toBe(200);
}

/** Fills the sign-in form and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The name on the header's account button, or null when the header offers "Sign in". */
export async function signedInName(page: Page): Promise<string | null> {
  const button = page.locator(".account-button .account-name");
  if ((await button.count()) === 0) return null;
  return text(button);
}
