import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { findPersonByEmail } from "../../src/storage/repos/account-repo.ts";
import { addProjectMentor } from "../../src/storage/repos/project-repo.ts";
import { insertApplicant, insertApplicationRow } from "../helpers/draft-applications.ts";
import { PASSWORD, signUpThroughApi } from "./accounts.ts";
import { prepareApplicationFixtures } from "./application-fixtures.ts";
import { setupWebApp, text, type WebApp } from "./support.ts";

const app: WebApp = setupWebApp();
let project = "";
const mentors: Record<string, BrowserContext> = {};

/** Two applicants on one project (Ana through the API, Ben straight in the database) and two confirmed mentors of it. */
beforeAll(async () => {
  const base = await prepareApplicationFixtures(app);
  const server = app.server();
  const db = server.database.db;
  project = base.withQuestions;
  const row = await db.selectFrom("projects").select(["id", "termId"]).where("slug", "=", project).executeTakeFirst();
  if (!row) throw new Error("the project is missing");
  const ben = await insertApplicant(db, { name: "Ben Second", email: "ben@example.org", at: new Date() });
  await insertApplicationRow(db, { termId: row.termId, projectId: row.id, personId: ben.id, state: "submitted", at: new Date() });
  for (const [name, email] of [
    ["Mo Mentor", "mo@example.org"],
    ["Cat Comentor", "cat@example.org"],
  ] as const) {
    const context = (await app.newPage({ keep: true })).context;
    await signUpThroughApi(server, context, { name, email, password: PASSWORD });
    const person = await findPersonByEmail(db, email);
    if (!person) throw new Error(`${name} is missing`);
    await addProjectMentor(db, row.id, person.id);
    mentors[name] = context;
  }
});

/** The names of the shortlist in its order, as the queue shows them. */
async function shortlist(page: Page): Promise<string[]> {
  return (await page.locator(".shortlist-name").allInnerTexts()).map((text) => text.replace(/^\d+\.\s*/, ""));
}

test("two mentors review and rank applicants with the keyboard alone", async () => {
  const mo = await (mentors["Mo Mentor"] as BrowserContext).newPage();
  await mo.goto(`${app.server().url}/projects/${project}/applications`);
  await mo.getByRole("heading", { name: "Review applications" }).waitFor();
  // Into the first application of the queue by the keyboard: focus its link, Enter.
  await mo.getByRole("link", { name: /Ana Applicant/ }).focus();
  await mo.keyboard.press("Enter");
  await mo.getByRole("heading", { name: /^Review/ }).waitFor();
  await mo.getByRole("group", { name: "Your score (keys 1–5)" }).waitFor();
  await mo.keyboard.press("4");
  await mo.getByText("Scored 4 of 5.").waitFor();
  await mo.keyboard.press("s");
  await mo.getByText("Marked shortlisted.").waitFor();
  // J: the next application of the queue.
  await mo.keyboard.press("j");
  await mo.getByText("Last of the queue").waitFor();
  await mo.getByRole("heading", { name: "Applicant: Ben Second" }).waitFor();
  await mo.getByRole("group", { name: "Your score (keys 1–5)" }).waitFor();
  await mo.keyboard.press("5");
  await mo.getByText("Scored 5 of 5.").waitFor();
  await mo.keyboard.press("s");
  await mo.getByText("Marked shortlisted.").waitFor();

  await mo.getByRole("link", { name: "The queue" }).click();
  await expect.poll(() => shortlist(mo)).toEqual(["Ana Applicant", "Ben Second"]);
  await mo.getByRole("button", { name: "Move Ben Second up" }).focus();
  await mo.keyboard.press("Enter");
  await mo.getByText("Ben Second is now number 1.").waitFor();

  // The co-mentor sees the same ranking and both scores, and scores too.
  const cat = await (mentors["Cat Comentor"] as BrowserContext).newPage();
  await cat.goto(`${app.server().url}/projects/${project}/applications`);
  await expect.poll(() => shortlist(cat)).toEqual(["Ben Second", "Ana Applicant"]);
  const ben = cat.locator(".queue-row", { hasText: "Ben Second" });
  await expect.poll(() => text(ben)).toMatch(/5 from 1/);
  await cat.getByRole("combobox", { name: "Show" }).selectOption("unreviewed");
  await expect.poll(() => cat.locator(".queue-row").count()).toBe(2);
  await cat.getByRole("link", { name: /Ana Applicant/ }).click();
  await cat.getByRole("group", { name: "Your score (keys 1–5)" }).waitFor();
  await cat.keyboard.press("2");
  await cat.getByText("Scored 2 of 5.").waitFor();
  expect(new URL(cat.url()).searchParams.get("show")).toBe("unreviewed");
  await cat.getByRole("link", { name: "The queue" }).click();
  await expect.poll(() => text(cat.locator(".queue-row", { hasText: "Ana Applicant" }))).toMatch(/3 from 2/);
  // Both are shortlisted: nothing is left to mark not shortlisted.
  expect(await cat.getByRole("button", { name: /^Mark the rest not shortlisted/ }).count()).toBe(0);
});
