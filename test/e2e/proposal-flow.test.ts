import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { waitForEmail } from "../helpers/smtp-server.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { linkIn, PASSWORD, signInAsNewAdmin, signUpThroughApi } from "./accounts.ts";
import { expectSoundPage, setupWebApp, text } from "./support.ts";

const app = setupWebApp({ smtp: true });
const ZONE = "America/Los_Angeles";
const admin = { name: "Pia Admin", email: "pia@example.org", password: PASSWORD };
const maintainer = { name: "Mo Maintainer", email: "mo@example.org", password: PASSWORD };
const mentors = [
  { email: "ada@example.org", name: "Ada Okoro", handle: "ada-okoro" },
  { email: "bo@example.org", name: "Bo Lindqvist", handle: "bolind" },
];
const TITLE = "Term 04 - Proposals in the browser";
const SLUG = "term-04-proposals-in-the-browser";
const PROJECT = "Resumable image replication";

/** A local date and time in the term's zone, `days` from today at `hour`:00, as the form takes it. */
function localDay(days: number, hour: number): string {
  return DateTime.now().setZone(ZONE).startOf("day").plus({ days }).set({ hour }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Types a local date and time into a timeline row's start or end. */
async function setDate(page: Page, legend: string, end: "Start" | "End", local: string): Promise<void> {
  await page.getByLabel(`${legend}: ${end}`, { exact: true }).fill(local);
}

describe("a term from setup to its public catalog", () => {
  // Five people, three emails each way through the outbox loop, a dozen pages and a CLI run: minutes on a loaded machine.
  test("the admin creates and publishes a term and invites a maintainer; the maintainer proposes a project naming two mentors; both confirm by email; the admin accepts it with 2 slots; it is public and its exported page parses back", {
    timeout: 300_000,
  }, async () => {
    const server = app.server();
    const smtp = app.smtp();

    // The admin creates the term with its proposals open now, and publishes it.
    const adminTab = await app.newPage();
    const adminPage = adminTab.page;
    await signInAsNewAdmin(server, adminTab.context, admin, OPEN_TERM.program);
    await adminTab.open(`/admin/${OPEN_TERM.program}/new-term`);
    await adminPage.getByLabel("Title", { exact: true }).fill(TITLE);
    expect(await adminPage.getByLabel("Slug", { exact: true }).inputValue()).toBe(SLUG);
    await adminPage.getByLabel("Time zone", { exact: true }).fill(ZONE);
    await adminPage.getByLabel("Mentorship length", { exact: true }).fill("12");
    await setDate(adminPage, "Project proposals", "Start", localDay(-1, 9));
    await setDate(adminPage, "Project proposals", "End", localDay(10, 17));
    await setDate(adminPage, "Mentee applications", "Start", localDay(11, 9));
    await setDate(adminPage, "Mentee applications", "End", localDay(25, 17));
    await adminPage.getByRole("button", { name: "Create the term as a draft" }).click();
    await adminPage.waitForURL(new RegExp(`/admin/${OPEN_TERM.program}/terms/${SLUG}$`));
    await adminPage.getByRole("button", { name: "Publish the term" }).click();
    await adminPage.getByRole("button", { name: "Publish now" }).click();
    await adminPage.getByText(`“${TITLE}” is published: its page is public now.`).waitFor();

    // The admin invites a maintainer of Harbor, who signs up and accepts.
    await adminTab.open(`/admin/${OPEN_TERM.program}`);
    await adminPage.getByLabel("Email address").fill(maintainer.email);
    await adminPage.getByRole("radio", { name: "Maintainer" }).check();
    const organization = adminPage.getByLabel("Organization", { exact: true });
    await expect.poll(() => organization.locator("option", { hasText: "Harbor" }).count()).toBe(1);
    await organization.selectOption({ label: "Harbor" });
    let before = smtp.received.length;
    await adminPage.getByRole("button", { name: "Send the invitation" }).click();
    await adminPage.getByText(`Invitation sent to ${maintainer.email} to be a maintainer of Harbor.`).waitFor();
    const invitation = linkIn(await waitForEmail(smtp, maintainer.email, { after: before }), "/invitations");
    const maintainerTab = await app.newPage();
    const mo = maintainerTab.page;
    await signUpThroughApi(server, maintainerTab.context, maintainer);
    await mo.goto(invitation);
    await mo.getByRole("button", { name: "Accept the invitation" }).click();
    await mo.getByRole("heading", { name: "Invitation accepted" }).waitFor();

    // The maintainer proposes a project from the term's page, naming two mentors.
    await maintainerTab.open(`/terms/${SLUG}`);
    await mo.getByRole("link", { name: /Propose a project/ }).click();
    await mo.getByLabel("Project title", { exact: true }).fill(PROJECT);
    await mo.getByRole("button", { name: "Start the draft" }).click();
    await mo.getByLabel("Description", { exact: true }).waitFor();
    await mo
      .getByLabel("Description", { exact: true })
      .fill("Harbor replicates images between registries.\n\nThis project makes **replication** resume after a network failure.");
    await mo.getByLabel("Expected outcome", { exact: true }).fill("Resumable replication jobs, with tests and docs merged upstream.");
    for (const skill of ["Go", "Kubernetes"]) {
      await mo.getByLabel("Recommended skills", { exact: true }).fill(skill);
      await mo.getByLabel("Recommended skills", { exact: true }).press("Enter");
    }
    for (const [index, mentor] of mentors.entries()) {
      await mo.getByRole("button", { name: "Add a mentor" }).click();
      await mo.getByLabel(`Mentor ${index + 1}`, { exact: true }).fill(mentor.email);
    }
    await mo.getByLabel("Slots requested", { exact: true }).fill("2");
    before = smtp.received.length;
    await mo.getByRole("button", { name: "Submit the proposal" }).click();
    await expect.poll(() => text(mo.locator(".proposal-status h2"))).toContain("Submitted");
    await expectSoundPage(maintainerTab, "the submitted proposal");
    const proposalUrl = mo.url();

    // Both mentors confirm through the link in their email, signed out, giving the name the project's page shows.
    for (const mentor of mentors) {
      const link = linkIn(await waitForEmail(smtp, mentor.email, { after: before }), "/mentor-confirmations");
      const mentorTab = await app.newPage();
      await mentorTab.page.goto(link);
      await mentorTab.page.getByRole("heading", { name: "Will you mentor this project?" }).waitFor();
      await expect.poll(() => text(mentorTab.page.locator("main"))).toContain(PROJECT);
      await mentorTab.page.getByLabel("Your name", { exact: true }).fill(mentor.name);
      await mentorTab.page.getByLabel("GitHub handle (optional)", { exact: true }).fill(`@${mentor.handle}`);
      await mentorTab.page.getByRole("button", { name: "Confirm: I will mentor it" }).click();
      await mentorTab.page.getByText("Answer recorded").waitFor();
    }
    await mo.goto(proposalUrl);
    await expect.poll(async () => (await text(mo.locator("main"))).match(/Confirmed/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

    // The admin accepts it with 2 slots from the board.
    await adminTab.open(`/admin/${OPEN_TERM.program}/terms/${SLUG}/proposals`);
    await adminPage.getByRole("button", { name: `Decide on “${PROJECT}”` }).click();
    await adminPage.getByLabel("Slots to fund", { exact: true }).fill("2");
    await adminPage.getByRole("button", { name: "Accept", exact: true }).click();
    await expect.poll(() => text(adminPage.locator("main"))).toMatch(/Accepted/);

    // It is in the public catalog, with both mentors and its slots.
    const visitor = await app.newPage();
    await visitor.open(`/terms/${SLUG}/projects`);
    const card = visitor.page.locator("article", { hasText: PROJECT });
    await card.waitFor();
    expect(await text(card)).toMatch(/2 slots/);
    expect(await text(card)).toMatch(/ada-okoro[\s\S]*bolind|bolind[\s\S]*ada-okoro/);
    await visitor.open(`/terms/${SLUG}`);
    // A title without a year is shown with the year and months of its timeline.
    expect(await text(visitor.page.locator("main h1"))).toContain(TITLE);

    // The exported term page parses back with the same project.
    await adminTab.open(`/admin/${OPEN_TERM.program}/terms/${SLUG}/proposals`);
    const [download] = await Promise.all([adminPage.waitForEvent("download"), adminPage.getByRole("link", { name: "Export term page (Markdown)" }).click()]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-export-"));
    const file = path.join(folder, `${SLUG}.md`);
    await download.saveAs(file);
    const parsed = await runCli(["parse", file, "--json"]);
    expect(parsed.code, parsed.stderr).toBe(0);
    const page = JSON.parse(parsed.stdout) as {
      title: string;
      timeline: Array<{ kind: string | null }>;
      organizations: Array<{
        name: string;
        projects: Array<{
          title: string;
          skills: string[];
          skillsText: string | null;
          mentors: Array<{ name: string; handle: string | null; email: string | null }>;
          description: string;
        }>;
      }>;
    };
    expect(page.title).toBe(TITLE);
    expect(page.timeline.map((phase) => phase.kind)).toEqual(expect.arrayContaining(["proposals", "applications"]));
    const harbor = page.organizations.find((org) => org.name === "Harbor");
    expect(harbor?.projects.map((project) => project.title)).toEqual([PROJECT]);
    const project = harbor?.projects[0];
    // Mentors are written by name and handle; the addresses they were named by stay private.
    expect(project?.mentors).toEqual(mentors.map((mentor) => ({ name: mentor.name, handle: mentor.handle, email: null })));
    // Skills come back as their tags, with the maintainer's wording kept in the page's text.
    expect(project?.skills).toEqual(["go", "kubernetes"]);
    expect(project?.skillsText).toMatch(/Go.*Kubernetes/);
    expect(project?.description).toContain("resume after a network failure");
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
