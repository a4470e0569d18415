import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { waitForEmail } from "../helpers/smtp-server.ts";
import { linkIn, PASSWORD, signedInName } from "./accounts.ts";
import { applicantApi, COVER_LETTER, PROJECT_WITH_QUESTIONS, prepareApplicationTerm, projectSlug } from "./application-fixtures.ts";
import { expectSoundPage, setupWebApp, text } from "./support.ts";

const app = setupWebApp({ smtp: true });
const ZED = { name: "Zed Applicant", email: "zed@example.org" };

/** The console lines of the refusals the flow provokes on purpose: answers missing (400) and the limit of applications (409). */
const PROVOKED = /status of (400|409) .*\/application\/submit\)$/;

/** Writes a cover letter, waits for the autosave, and submits with one click; resolves once the server said so. */
async function writeAndSubmit(page: Page, coverLetter: string): Promise<void> {
  await page.getByLabel(/^Cover letter/).fill(coverLetter);
  await page.locator(".autosave-status", { hasText: /^Saved \d\d:\d\d$/ }).waitFor();
  await page.getByRole("button", { name: /^(Submit the application|Apply again)$/ }).click();
}

describe("applying in the browser", () => {
  // Sign-up by email, three projects, a refusal, a withdrawal and four emails through the outbox loop: minutes on a loaded machine.
  test("a new applicant signs up through the emailed link, answers the eligibility questions, applies to two projects, sees them with the countdown, is refused a third by the limit, withdraws one and applies to the third; each submission is emailed, and a double click makes one application", {
    timeout: 300_000,
  }, async () => {
    const server = app.server();
    const smtp = app.smtp();
    // The program allows two submitted applications per term, so the third waits for a withdrawal.
    await prepareApplicationTerm(app, (await app.newPage()).context, { applicationLimit: 2 });
    const [harborCli, withQuestions, jaeger] = await Promise.all([
      projectSlug(server, "Harbor CLI"),
      projectSlug(server, PROJECT_WITH_QUESTIONS),
      projectSlug(server, "Jaeger-V2 Observability and Healthchecks"),
    ]);

    // A visitor on a project page is asked to sign in; they create an account instead.
    const tab = await app.newPage();
    const { page } = tab;
    await tab.open(`/projects/${harborCli}`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await page.getByLabel("Your name").fill(ZED.name);
    await page.getByLabel("Email", { exact: true }).fill(ZED.email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    // The emailed link confirms the address and leads back to the project's application form.
    const welcome = await waitForEmail(smtp, ZED.email);
    await page.goto(linkIn(welcome, "/verify-email"));
    await page.getByRole("heading", { name: "Your email address is confirmed" }).waitFor();
    await page.getByRole("link", { name: "Continue where you were" }).click();
    await page.getByRole("heading", { name: "Apply to Harbor CLI" }).waitFor();
    await expect.poll(() => signedInName(page)).toBe(ZED.name);

    // The eligibility questions come before any cover letter.
    expect(await page.getByLabel(/^Cover letter/).count()).toBe(0);
    await page.getByRole("group", { name: "I am 18 or older" }).getByLabel("Yes").check();
    await page.getByRole("group", { name: "Have you been a mentee of this program before?" }).getByLabel("No, never").check();
    await page.getByRole("button", { name: "Save my answers" }).click();
    await page.getByText("You are eligible").first().waitFor();

    // The cover letter counts its characters; a link that is no web address is said beside it before anything is sent.
    const coverLetter = page.getByLabel(/^Cover letter/);
    await coverLetter.fill(COVER_LETTER);
    expect(await text(page.locator("#field-coverLetter-count"))).toBe(`${COVER_LETTER.length} / 6,000 characters`);
    await page.getByLabel("Link 1", { exact: true }).fill("ftp://example.org/cv");
    await page.locator("#field-links\\.0-error").waitFor();
    await page.getByLabel("Link 1", { exact: true }).fill("https://github.com/zed-applicant");
    await page.locator(".autosave-status", { hasText: /^Saved \d\d:\d\d$/ }).waitFor();

    // A double click on Submit sends one submission and makes one application.
    const submissions: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/application/submit")) submissions.push(request.headers()["idempotency-key"] ?? "");
    });
    await page.getByRole("button", { name: "Submit the application" }).dblclick();
    await page.getByText(/^Submitted\. A confirmation is on its way/).waitFor();
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatch(/^[0-9a-f-]{36}$/);
    const zed = applicantApi(server, tab.context);
    expect((await zed.mine()).items.filter((item) => item.project.slug === harborCli)).toHaveLength(1);

    // The second project asks a task and a question; both are required.
    await tab.open(`/projects/${withQuestions}/apply`);
    await page.getByLabel(/^Cover letter/).fill(COVER_LETTER);
    await page.getByRole("button", { name: "Submit the application" }).click();
    await page.locator(".application-form .field-error").first().waitFor();
    expect(await text(page.locator(".application-form"))).toContain("the project requires it");
    await page.getByLabel(/^Fix a good first issue/).fill("https://github.com/goharbor/harbor/pull/9002");
    await page
      .getByRole("group", { name: /^Which time zone are you in\?/ })
      .getByLabel("Europe and Africa")
      .check();
    await writeAndSubmit(page, COVER_LETTER);
    await page.getByText(/^Submitted\. A confirmation is on its way/).waitFor();

    // My applications lists both, each with its state in words and the countdown in both zones.
    await page.getByRole("link", { name: "My applications" }).click();
    await page.getByRole("heading", { name: "My applications" }).waitFor();
    const list = page.locator(".application-list");
    await expect.poll(() => list.locator(".application-item").count()).toBe(2);
    const listed = await text(list);
    expect(listed).toContain("Harbor CLI");
    expect(listed).toContain(PROJECT_WITH_QUESTIONS);
    expect(listed).toMatch(/Submitted · you may edit or withdraw it until/);
    expect(listed).toMatch(/Applications close in [23] days/);
    expect(listed).toMatch(/your time[\s\S]*17:00 P[SD]T/);
    await expectSoundPage(tab, "My applications", PROVOKED);

    // A third submission is refused by the limit, naming the two applications that use it, with links.
    await tab.open(`/projects/${jaeger}/apply`);
    await writeAndSubmit(page, COVER_LETTER);
    const refusal = page.locator("#application-action-error");
    await refusal.waitFor();
    expect(await text(refusal)).toContain("You have submitted 2 of 2 applications");
    await refusal.getByRole("link", { name: "Harbor CLI" }).waitFor();
    expect(await refusal.getByRole("link", { name: PROJECT_WITH_QUESTIONS }).getAttribute("href")).toBe(`/projects/${withQuestions}/apply`);

    // Withdrawing the first one, after a confirmation, frees a place.
    await refusal.getByRole("link", { name: "Harbor CLI" }).click();
    await page.getByRole("heading", { name: "Apply to Harbor CLI" }).waitFor();
    await page.getByRole("button", { name: "Withdraw…" }).click();
    await page.getByRole("button", { name: "Withdraw the application" }).click();
    await page.getByText(/^Withdrawn\. It no longer counts towards your limit/).waitFor();
    await page.getByRole("button", { name: "Apply again" }).waitFor();

    // Now the third goes through.
    await tab.open(`/projects/${jaeger}/apply`);
    await page.getByRole("button", { name: "Submit the application" }).click();
    await page.getByText(/^Submitted\. A confirmation is on its way/).waitFor();
    const states = Object.fromEntries((await zed.mine()).items.map((item) => [item.project.slug, item.state]));
    expect(states).toEqual({ [harborCli]: "withdrawn", [withQuestions]: "submitted", [jaeger]: "submitted" });
    expect(tab.errors.filter((error) => !PROVOKED.test(error))).toEqual([]);

    // One confirmation per submission reached the SMTP server, with a link back to My applications.
    const subjects = [
      "Application received: Harbor CLI",
      `Application received: ${PROJECT_WITH_QUESTIONS}`,
      "Application received: Jaeger-V2 Observability and Healthchecks",
    ];
    for (const subject of subjects) {
      const email = await waitForEmail(smtp, ZED.email, { matches: (message) => message.subject === subject });
      expect(email.text).toContain(`${server.url}/applications`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.received.filter((message) => message.subject?.startsWith("Application received:"))).toHaveLength(3);
  });
});
