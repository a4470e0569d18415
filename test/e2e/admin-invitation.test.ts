import { describe, expect, test } from "vitest";
import { waitForEmail } from "../helpers/smtp-server.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { createAdmin, linkIn, PASSWORD, signedInName, signInAsNewAdmin, signUpThroughApi, submitSignIn } from "./accounts.ts";
import { setupWebApp, text } from "./support.ts";

const app = setupWebApp({ smtp: true });
const admin = { name: "Ines Admin", email: "ines@example.org" };
const maintainer = { name: "Mae Maintainer", email: "mae@example.org" };
const adminPath = `/admin/${OPEN_TERM.program}`;

/** The rows of a data table as their visible text, one string per row. */
async function rows(page: import("playwright-core").Page, table: string): Promise<string[]> {
  return page.locator(`${table} tbody tr`).allInnerTexts();
}

describe("an admin invites a maintainer", () => {
  // Eleven pages, three sign-ups or sign-ins and two emails through the outbox loop: a minute on a loaded machine.
  test("bootstrap admin → invitation email → the maintainer signs up, confirms and accepts → the admin sees them, the audit log and the outbox", {
    timeout: 180_000,
  }, async () => {
    const smtp = app.smtp();
    const server = app.server();

    // The admin is created on the command line and sets a password with the printed link.
    const setPasswordUrl = await createAdmin(server, admin, OPEN_TERM.program);
    const first = await app.newPage();
    const adminPage = first.page;
    await adminPage.goto(setPasswordUrl);
    await adminPage.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await adminPage.getByLabel("New password", { exact: true }).fill(PASSWORD);
    await adminPage.getByRole("button", { name: "Save the new password" }).click();
    await adminPage.getByRole("heading", { name: "Your password is changed" }).waitFor();
    await adminPage.getByRole("link", { name: "Sign in", exact: true }).last().click();
    await submitSignIn(adminPage, admin.email, PASSWORD);
    await adminPage.getByText(`You are signed in as ${admin.name}.`).waitFor();

    // The header's menu leads to the program's admin pages.
    await adminPage.getByRole("button", { name: new RegExp(admin.name) }).click();
    await adminPage.getByRole("link", { name: `Admin of ${OPEN_TERM.programName}` }).click();
    await adminPage.getByRole("heading", { name: "People and roles" }).waitFor();
    const peopleTable = "table:has(caption:text('People with a role'))";
    await expect.poll(async () => (await rows(adminPage, peopleTable)).find((row) => row.includes(admin.name))).toMatch(/Program admin/);
    // The mentors of the imported projects are people of the program too.
    const peopleBefore = (await rows(adminPage, peopleTable)).length;

    // Invite a maintainer of Harbor.
    await adminPage.getByLabel("Email address").fill(maintainer.email);
    await adminPage.getByRole("radio", { name: "Maintainer" }).check();
    const organization = adminPage.getByLabel("Organization", { exact: true });
    await expect.poll(() => organization.locator("option", { hasText: "Harbor" }).count()).toBe(1);
    await organization.selectOption({ label: "Harbor" });
    const before = smtp.received.length;
    await adminPage.getByRole("button", { name: "Send the invitation" }).click();
    await adminPage.getByText(`Invitation sent to ${maintainer.email} to be a maintainer of Harbor.`).waitFor();
    const invitationsTable = "table:has(caption:text('Invitations'))";
    await expect.poll(() => rows(adminPage, invitationsTable)).toHaveLength(1);
    // Each invitation says what it is for, who sent it, and whether its email has left yet.
    expect((await rows(adminPage, invitationsTable))[0]).toMatch(/mae@example\.org[\s\S]*Maintainer[\s\S]*Harbor[\s\S]*Ines Admin[\s\S]*Waiting/);
    expect(await text(adminPage.locator(`${invitationsTable} tbody tr`).first().locator("td[data-label='Delivery']"))).toMatch(/^(Queued, not sent|Sent )/);

    // A mentor is invited to a project picked by name, under its organization, from the program's own list.
    await adminPage.getByLabel("Email address").fill("mo@example.org");
    await adminPage.getByRole("radio", { name: "Mentor" }).check();
    const projectPicker = adminPage.getByLabel("Project", { exact: true });
    await expect.poll(() => projectPicker.locator("optgroup[label='Jaeger'] option").allInnerTexts()).toEqual(["Jaeger-V2 Observability and Healthchecks"]);
    expect(await adminPage.getByLabel("Term", { exact: true }).locator("option").allInnerTexts()).toEqual([expect.stringContaining("Open Applications")]);
    await projectPicker.selectOption({ label: "Jaeger-V2 Observability and Healthchecks" });
    await adminPage.getByRole("button", { name: "Send the invitation" }).click();
    await adminPage.getByText("Invitation sent to mo@example.org to be a mentor of “Jaeger-V2 Observability and Healthchecks”.").waitFor();
    await expect.poll(() => rows(adminPage, invitationsTable)).toHaveLength(2);
    expect((await rows(adminPage, invitationsTable))[0]).toMatch(/mo@example\.org[\s\S]*Mentor[\s\S]*Jaeger-V2 Observability and Healthchecks[\s\S]*Jaeger/);
    await adminPage.locator(invitationsTable).getByRole("link", { name: "Jaeger-V2 Observability and Healthchecks" }).waitFor();

    // The invitation email arrives at the SMTP server.
    const invitationEmail = await waitForEmail(smtp, maintainer.email, { after: before });
    expect(invitationEmail.subject).toContain("invites you to be a maintainer in Harbor");
    const invitationLink = linkIn(invitationEmail, "/invitations");

    // The maintainer opens it as a visitor, creates an account with that address, and confirms it.
    const second = await app.newPage();
    const mae = second.page;
    await mae.goto(invitationLink);
    await mae.getByRole("heading", { name: "You are invited" }).waitFor();
    expect(await text(mae.locator("main"))).toContain(`Be a maintainer in Harbor (${OPEN_TERM.programName}).`);
    await mae.getByRole("link", { name: `Create one with ${maintainer.email}` }).click();
    await mae.getByRole("heading", { name: "Create an account" }).waitFor();
    expect(await mae.getByLabel("Email", { exact: true }).inputValue()).toBe(maintainer.email);
    // The token travels in the fragment, never in the query the server sees.
    expect(new URL(mae.url()).hash).toMatch(/^#token=/);
    expect(new URL(mae.url()).search).not.toContain("token");
    await mae.getByLabel("Your name").fill(maintainer.name);
    await mae.getByLabel("Password", { exact: true }).fill(PASSWORD);
    const beforeSignUp = smtp.received.length;
    await mae.getByRole("button", { name: "Create account" }).click();
    await mae.getByText(`We sent a link to ${maintainer.email}; it works for 24 hours.`).waitFor();
    const confirmation = await waitForEmail(smtp, maintainer.email, { after: beforeSignUp });
    await mae.goto(linkIn(confirmation, "/verify-email"));
    await mae.getByRole("heading", { name: "Your email address is confirmed" }).waitFor();
    await mae.getByRole("link", { name: "Continue to your invitation" }).click();
    await mae.getByRole("heading", { name: "You are invited" }).waitFor();
    await mae.getByRole("button", { name: "Accept the invitation" }).click();
    await mae.getByRole("heading", { name: "Invitation accepted" }).waitFor();
    expect(await text(mae.locator("main"))).toContain(`You are now a maintainer in Harbor (${OPEN_TERM.programName}).`);
    await mae.getByRole("link", { name: "See your roles" }).click();
    await mae.getByRole("heading", { name: "Your account" }).waitFor();
    await expect.poll(() => text(mae.locator(".role-list"))).toContain("Maintainer");
    expect(await text(mae.locator(".role-list"))).toContain(`Harbor · ${OPEN_TERM.programName}`);
    expect(await signedInName(mae)).toBe(maintainer.name);

    // The link works once: opened again, it says so.
    await mae.goto(invitationLink);
    await mae.getByText(/This invitation is not valid any more/).waitFor();

    // The admin sees the maintainer among the people, and the invitation accepted.
    await first.open(adminPath);
    await expect.poll(() => rows(adminPage, peopleTable)).toHaveLength(peopleBefore + 1);
    const people = await rows(adminPage, peopleTable);
    expect(people.find((row) => row.includes(maintainer.name))).toMatch(/mae@example\.org[\s\S]*Maintainer · Harbor/);
    const maeInvitation = async () => (await rows(adminPage, invitationsTable)).find((row) => row.includes(maintainer.email)) ?? "";
    expect(await maeInvitation()).toContain("Accepted");
    // The outbox has sent the invitation by now: the list says so.
    expect(await maeInvitation()).toMatch(/Sent \w/);

    // The audit log shows those events, and its filters live in the URL.
    await adminPage.getByRole("link", { name: "Audit log" }).click();
    await adminPage.getByRole("heading", { name: "Audit log" }).waitFor();
    await expect.poll(() => rows(adminPage, ".audit-table")).not.toHaveLength(0);
    const actions = await adminPage.locator(".audit-table tbody td[data-label='Action']").allInnerTexts();
    expect(actions).toEqual(expect.arrayContaining(["invitation.accepted", "invitation.created", "role.granted"]));
    // Entries name their actor and object: the invitation by its address, the person by name and email.
    const accepted = adminPage.locator(".audit-table tbody tr", { has: adminPage.locator("td[data-label='Action']", { hasText: "invitation.accepted" }) });
    expect(await text(accepted.locator("td[data-label='Who']"))).toBe(maintainer.name);
    expect(await text(accepted.locator("td[data-label='Object']"))).toMatch(/^mae@example\.org · invitation #\d+$/);
    expect(actions.indexOf("invitation.accepted")).toBeLessThan(actions.indexOf("invitation.created"));
    await adminPage.getByLabel("Action").fill("invitation.accepted");
    await adminPage.getByRole("button", { name: "Apply filters" }).click();
    await adminPage.waitForURL(/\/audit\?action=invitation\.accepted$/);
    await expect.poll(() => rows(adminPage, ".audit-table")).toHaveLength(1);
    expect((await rows(adminPage, ".audit-table"))[0]).toContain(maintainer.name);
    await adminPage.getByLabel("Who").selectOption({ label: admin.name });
    await adminPage.getByRole("button", { name: "Apply filters" }).click();
    await adminPage.waitForURL(/\/audit\?action=invitation\.accepted&actor=\d+$/);
    await adminPage.getByText("No event matches these filters.").waitFor();
    // Loading the address again restores the filter.
    await first.open(`${adminPath}/audit?objectType=invitation`);
    await expect.poll(() => rows(adminPage, ".audit-table")).toHaveLength(3);
    expect(await adminPage.getByLabel("Object type").inputValue()).toBe("invitation");

    // The outbox lists the invitation email as sent.
    await adminPage.getByRole("link", { name: "Email outbox" }).click();
    await adminPage.getByRole("heading", { name: "Email outbox" }).waitFor();
    const message = adminPage.locator(".outbox-message", { hasText: invitationEmail.subject });
    await expect.poll(() => message.count()).toBe(1);
    expect(await text(message.locator(".chip"))).toBe("Sent");
    expect(await text(message)).toContain(maintainer.email);
    await adminPage.getByRole("link", { name: "Failed" }).click();
    await adminPage.waitForURL(/\/outbox\?state=failed$/);
    await adminPage.getByText("No message is failed.").waitFor();
    await adminPage.getByRole("link", { name: "Sent", exact: true }).click();
    await adminPage.waitForURL(/\/outbox\?state=sent$/);
    await expect.poll(() => message.count()).toBe(1);

    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  test("someone with an account signs in from the invitation and accepts it; another account is asked to sign out first", async () => {
    const smtp = app.smtp();
    const server = app.server();
    const inviter = await app.newPage();
    await signInAsNewAdmin(server, inviter.context, { name: "Olga Admin", email: "olga@example.org", password: PASSWORD }, OPEN_TERM.program);
    const me = (await (await inviter.context.request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
    const before = smtp.received.length;
    const invited = await inviter.context.request.post(`${server.url}/api/programs/${OPEN_TERM.program}/invitations`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { email: "pat@example.org", role: "program_admin" },
    });
    expect(invited.status()).toBe(201);
    const link = linkIn(await waitForEmail(smtp, "pat@example.org", { after: before }), "/invitations");

    // Signed in with another address: the page says whose invitation it is, and offers to sign out.
    const { page, context, errors } = await app.newPage();
    await signUpThroughApi(server, context, { name: "Pat Person", email: "pat@example.org", password: PASSWORD });
    await signUpThroughApi(server, context, { name: "Someone Else", email: "else@example.org", password: PASSWORD });
    await page.goto(link);
    await page.getByText("This invitation is for pat@example.org.").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();

    // Signed out, it offers to sign in as the invited address, and comes back with the token.
    await page.getByRole("link", { name: "Sign in as pat@example.org" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).searchParams.get("next")).toBe("/invitations");
    expect(new URL(page.url()).hash).toMatch(/^#token=/);
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe("pat@example.org");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "You are invited" }).waitFor();
    expect(await text(page.locator("main"))).toContain(`Be a program admin in ${OPEN_TERM.programName}.`);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.getByText(`You are now a program admin in ${OPEN_TERM.programName}.`).waitFor();
    // The new role shows in the header's menu at once.
    await page.getByRole("button", { name: /Pat Person/ }).click();
    await page.getByRole("link", { name: `Admin of ${OPEN_TERM.programName}` }).waitFor();
    expect(errors).toEqual([]);
  });
});
