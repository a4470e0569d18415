import { describe, expect, test } from "vitest";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signInAsNewAdmin } from "./accounts.ts";
import { setupWebApp, text } from "./support.ts";

const app = setupWebApp();
const adminPath = `/admin/${OPEN_TERM.program}`;

describe("an admin sets the program up", () => {
  test("adds an organization (a bad link is refused beside its field and what was typed stays), edits its quota, invites its maintainer from its row, and renames the program", {
    timeout: 180_000,
  }, async () => {
    const server = app.server();
    const { page, context, open, errors } = await app.newPage();
    await signInAsNewAdmin(server, context, { name: "Sol Admin", email: "sol@example.org", password: PASSWORD }, OPEN_TERM.program);

    await open(`${adminPath}/organizations`);
    await page.getByRole("heading", { name: "Add an organization" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Lantern Mesh");
    // The slug the server will make from the name is offered before sending.
    await page.getByText("Leave empty to use lantern-mesh.").waitFor();
    await page.getByLabel("Website (optional)").fill("javascript:alert(1)");
    await page.getByLabel("Short description (optional)").fill("A service mesh for small clusters.");
    await page.getByRole("button", { name: "Add the organization" }).click();
    const websiteError = page.locator("#field-website-error");
    await websiteError.waitFor();
    expect(await text(websiteError)).toContain("https://");
    // Focus lands on the field at fault, and nothing typed is lost.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-website");
    expect(await page.getByLabel("Short description (optional)").inputValue()).toBe("A service mesh for small clusters.");

    await page.getByLabel("Website (optional)").fill("https://lantern.example.org");
    await page.getByRole("button", { name: "Add the organization" }).click();
    await page.getByText("Lantern Mesh is added.").waitFor();
    const row = page.locator("tr.organization-row", { hasText: "Lantern Mesh" });
    await row.waitFor();
    expect(await text(row)).toMatch(/lantern-mesh[\s\S]*A service mesh for small clusters\.[\s\S]*No limit/);

    // Edit its own quota: the form takes the add form's place, with the organization's details.
    await row.getByRole("button", { name: "Edit Lantern Mesh" }).click();
    await page.getByRole("heading", { name: "Edit Lantern Mesh" }).waitFor();
    expect(new URL(page.url()).searchParams.get("edit")).toBe("lantern-mesh");
    expect(await page.getByLabel("Website (optional)").inputValue()).toBe("https://lantern.example.org");
    await page.getByLabel("Proposals per term (optional)").fill("2");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Lantern Mesh is saved.").waitFor();
    await expect.poll(async () => text(page.locator("tr.organization-row", { hasText: "Lantern Mesh" }))).toMatch(/2\s*\(its own\)/);
    await page.getByRole("heading", { name: "Add an organization" }).waitFor();

    // "Invite a maintainer" opens the invite form with the organization chosen.
    await page.locator("tr.organization-row", { hasText: "Lantern Mesh" }).getByRole("link", { name: "Invite a maintainer of Lantern Mesh" }).click();
    await page.getByRole("heading", { name: "People and roles" }).waitFor();
    await expect.poll(() => page.getByLabel("Organization", { exact: true }).inputValue()).toBe("lantern-mesh");

    // Settings: a new name shows in the admin pages' heading at once.
    await open(`${adminPath}/settings`);
    const name = page.getByLabel("Program name");
    await expect.poll(() => name.inputValue()).toBe(OPEN_TERM.programName);
    await name.fill("Cohort Test Mentorship Program");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("The settings are saved.").waitFor();
    // The eyebrow is set in capitals by its style.
    await expect.poll(() => text(page.locator(".eyebrow"))).toMatch(/cohort test mentorship program/i);
    const settings = await context.request.get(`${server.url}/api/programs/${OPEN_TERM.program}/settings`);
    expect(await settings.json()).toMatchObject({ name: "Cohort Test Mentorship Program", applicationLimit: 3, offerResponseHours: 72 });
    expect(errors.filter((error) => !/status of 400 /.test(error))).toEqual([]);
  });
});
