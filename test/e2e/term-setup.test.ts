import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signInAsNewAdmin } from "./accounts.ts";
import { expectSoundPage, PHONE, setupWebApp, text } from "./support.ts";

const app = setupWebApp();
const admin = { name: "Tess Admin", email: "tess@example.org", password: PASSWORD };
const TITLE = "Term 01 - 2027 March - August";
const SLUG = "term-01-2027-march-august";

/** A timeline row's fieldset, found by its legend. */
function row(page: Page, legend: string) {
  return page.locator("fieldset.timeline-row", { has: page.locator("legend", { hasText: legend }) });
}

/** Types a local date and time into a row's start or end. */
async function setDate(page: Page, legend: string, end: "Start" | "End", local: string): Promise<void> {
  await page.getByLabel(`${legend}: ${end}`, { exact: true }).fill(local);
}

describe("an admin sets up a term", () => {
  test("creates a draft with its timeline (a skipped hour refused and fixed, a doubled hour chosen, an overlap put beside its row), publishes it, and it is public", {
    timeout: 180_000,
  }, async () => {
    const server = app.server();
    const shown = await app.newPage();
    const { page, context, open } = shown;
    await signInAsNewAdmin(server, context, admin, OPEN_TERM.program);

    // The admin area's Terms page leads to a new term.
    await open(`/admin/${OPEN_TERM.program}`);
    await page.getByRole("link", { name: "Terms", exact: true }).click();
    await page.getByRole("heading", { name: "Terms", exact: true }).waitFor();
    await page.getByRole("link", { name: "New term" }).click();
    await page.getByRole("heading", { name: "New term" }).waitFor();

    // Nothing typed: the summary lists what to fix and focus is on the first field.
    await page.getByRole("button", { name: "Create the term as a draft" }).click();
    await page.getByRole("heading", { name: /thing to fix/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-title");

    // The slug follows the title.
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    expect(await page.getByLabel("Slug", { exact: true }).inputValue()).toBe(SLUG);
    await page.getByLabel("Time zone", { exact: true }).fill("America/Los_Angeles");
    await page.getByLabel("Mentorship length", { exact: true }).fill("12");

    // Each date shows at once in UTC and in the admin's own zone.
    await setDate(page, "Project proposals", "Start", "2027-02-01T09:00");
    await setDate(page, "Project proposals", "End", "2027-02-15T17:00");
    const proposals = row(page, "Project proposals");
    expect(await text(proposals.locator(".time-echo").last())).toBe("UTC: Tue 16 Feb 2027, 01:00 UTC\nYour time: Tue 16 Feb 2027, 02:00 CET (Europe/Berlin)");

    // 02:30 on 14 Mar 2027 does not exist in Los Angeles: said beside the field before anything is sent.
    await setDate(page, "Mentee applications", "Start", "2027-03-14T02:30");
    const applications = row(page, "Mentee applications");
    expect(await text(applications.locator(".field-error"))).toContain(
      "2:30 AM does not exist on Sun 14 Mar 2027 in America/Los_Angeles: clocks jump from 2:00 to 3:00 PDT; choose 3:00 or later",
    );
    await setDate(page, "Mentee applications", "End", "2027-03-29T17:00");
    await page.getByRole("button", { name: "Create the term as a draft" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-timeline-applications-startsLocal");
    expect(await text(page.locator(".error-summary"))).toContain("Mentee applications: start");

    // Fixed, but starting before proposals close: the server's words go beside that row's start.
    await setDate(page, "Mentee applications", "Start", "2027-02-10T03:00");
    expect(await applications.locator(".field-error").count()).toBe(0);
    await setDate(page, "Last day of term", "Start", "2027-11-07T01:30");
    // 01:30 on 7 Nov 2027 happens twice: the two instants are offered.
    const fold = row(page, "Last day of term").locator(".fold-choice");
    expect(await text(fold)).toContain("1:30 AM PDT (08:30 UTC)");
    await fold.getByLabel(/1:30 AM PST \(09:30 UTC\)/).check();
    await page.getByRole("button", { name: "Create the term as a draft" }).click();
    await expect.poll(() => applications.locator(".field-error").count()).toBe(1);
    expect(await text(applications.locator(".field-error"))).toMatch(/before .*Project proposals.* ends/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-timeline-applications-startsLocal");
    // Everything typed is still there.
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel("Project proposals: End", { exact: true }).inputValue()).toBe("2027-02-15T17:00");

    await setDate(page, "Mentee applications", "Start", "2027-03-15T09:00");
    // A new row takes focus, so the keyboard goes on typing in it.
    await page.getByRole("button", { name: "Add a row" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toMatch(/^timeline-extra-\d+-activity$/);
    await page.keyboard.type("Mentee orientation call");
    await setDate(page, "Mentee orientation call", "Start", "2027-06-01T08:00");
    await page.getByRole("button", { name: "Create the term as a draft" }).click();

    // Created as a draft: the setup page says who sees it; a visitor gets "not found".
    await page.waitForURL(new RegExp(`/admin/${OPEN_TERM.program}/terms/${SLUG}$`));
    await page.getByRole("heading", { name: /Draft — only admins see it/ }).waitFor();
    expect(await page.getByLabel("Last day of term: Start", { exact: true }).inputValue()).toBe("2027-11-07T01:30");
    expect(
      await row(page, "Last day of term")
        .getByLabel(/1:30 AM PST/)
        .isChecked(),
    ).toBe(true);
    // The one refusal, of the overlap, is the expected 400.
    await expectSoundPage(shown, "the draft's setup page", /status of 400 .*\/api\/programs\/[\w-]+\/terms\)$/);
    const visitor = await app.newPage();
    await visitor.page.goto(`/terms/${SLUG}`);
    await visitor.page.getByRole("heading", { name: "This term does not exist" }).waitFor();

    // Published: the banner goes, the slug is fixed, and the term is public.
    await page.getByRole("button", { name: "Publish the term" }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByText(`“${TITLE}” is published: its page is public now.`).waitFor();
    expect(await page.getByRole("heading", { name: /Draft/ }).count()).toBe(0);
    expect(await page.getByLabel("Slug", { exact: true }).getAttribute("readonly")).not.toBeNull();
    await visitor.open(`/terms/${SLUG}`);
    expect(await text(visitor.page.locator("main h1"))).toBe(TITLE);
    expect(await text(visitor.page.locator(".timeline"))).toContain("Mentee orientation call");

    // The admin area's list has it, no longer marked as a draft.
    await page.getByRole("link", { name: "Terms", exact: true }).click();
    const listed = page.locator(".admin-term-row", { hasText: TITLE });
    await listed.waitFor();
    expect(await text(listed)).not.toContain("Draft");
    expect(await text(listed)).toContain(`/terms/${SLUG}`);

    // At 390 px the rows stack and nothing scrolls sideways.
    await page.setViewportSize(PHONE);
    await listed.getByRole("link", { name: TITLE, exact: true }).click();
    await page.getByLabel("Title", { exact: true }).waitFor();
    await expectSoundPage(shown, "the setup page at 390 px");
  });

  test("a draft is listed as such; ending applications that are open now asks first, and saves once confirmed", { timeout: 120_000 }, async () => {
    const server = app.server();
    const { page, context, open, errors } = await app.newPage();
    await signInAsNewAdmin(server, context, { name: "Uma Admin", email: "uma@example.org", password: PASSWORD }, OPEN_TERM.program);

    await open(`/admin/${OPEN_TERM.program}/new-term`);
    await page.getByLabel("Title", { exact: true }).fill("Winter draft");
    await page.getByRole("button", { name: "Create the term as a draft" }).click();
    await page.getByRole("heading", { name: /Draft — only admins see it/ }).waitFor();
    await open(`/admin/${OPEN_TERM.program}/terms`);
    expect(await text(page.locator(".admin-term-row", { hasText: "Winter draft" }))).toMatch(/Draft[\s\S]*Not public yet/);

    // Applications of the open term close in three days; the admin moves the end to an hour ago.
    await open(`/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}`);
    const hourAgo = DateTime.now().setZone("America/Los_Angeles").minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
    await page.getByLabel("Mentee applications open: End", { exact: true }).fill(hourAgo);
    await page.getByRole("button", { name: "Save changes" }).click();
    const question = page.getByRole("alertdialog");
    await question.waitFor();
    expect(await text(question)).toContain("Close “Mentee applications open” now? It is open at the moment.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alertdialog");
    await question.getByRole("button", { name: "Yes, save and close it now" }).click();
    await page.getByText("Your changes are saved.").waitFor();
    expect(await page.getByLabel("Mentee applications open: End", { exact: true }).inputValue()).toBe(hourAgo);
    const publicTerm = (await (await context.request.get(`${server.url}/api/terms/${OPEN_TERM.term}`)).json()) as { apply: { state: string } };
    expect(publicTerm.apply.state).toBe("closed");
    // The one refusal, asking for the confirmation, is the expected 409.
    expect(errors.filter((error) => !/status of 409 .*\/setup\)$/.test(error))).toEqual([]);
  });
});
