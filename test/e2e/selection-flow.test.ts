import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { loadOfferTerm } from "../../src/commands/offers/offer-effects.ts";
import { findPersonByEmail } from "../../src/storage/repos/account-repo.ts";
import { addProjectMentor } from "../../src/storage/repos/project-repo.ts";
import { findTermBySlug } from "../../src/storage/repos/term-repo.ts";
import { insertApplicationRow } from "../helpers/draft-applications.ts";
import { waitForEmail } from "../helpers/smtp-server.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signInAsNewAdmin, signUpThroughApi } from "./accounts.ts";
import { seriousAxeViolations } from "./axe-pages.ts";
import { PHONE, saveScreenshot, setupWebApp, type TestPage, text, type WebApp } from "./support.ts";

/** The server's clock runs this far ahead of the real one: the test moves it to the notifications instant. */
const clock = { aheadMs: 0 };
const app: WebApp = setupWebApp({ smtp: true, server: () => ({ now: () => new Date(Date.now() + clock.aheadMs) }) });
const pages: Record<"admin" | "ana" | "ben" | "mentor", TestPage> = {} as never;
let projects = { first: "", second: "", secondSlug: "" };
let mentorshipUrl = "";
let noticesAt = new Date(0);

const APPLICANTS = [
  ["Ana Applicant", "ana@example.org"],
  ["Ben Second", "ben@example.org"],
  ["Cy Third", "cy@example.org"],
] as const;

/**
 * Two projects of the open term with one slot each, both ranking Ana first; Ana applied to the
 * first one first. The second ranks Ben second and Cy third. Ana, Ben and Cy have accounts; the
 * program has an admin.
 */
beforeAll(async () => {
  const server = app.server();
  const db = server.database.db;
  const term = await findTermBySlug(db, OPEN_TERM.term);
  if (!term) throw new Error("the open term is missing");
  noticesAt = (await loadOfferTerm(db, term.id)).noticesAt as Date;
  const accepted = await db
    .selectFrom("projects")
    .select(["id", "slug", "title"])
    .where("termId", "=", term.id)
    .where("state", "=", "accepted")
    .orderBy("title")
    .execute();
  const [first, second] = accepted;
  if (!first || !second) throw new Error("the open term needs two accepted projects");
  projects = { first: first.title, second: second.title, secondSlug: second.slug };
  await db.updateTable("projects").set({ slots: 0 }).where("termId", "=", term.id).execute();
  await db.updateTable("projects").set({ slots: 1 }).where("id", "in", [first.id, second.id]).execute();

  const people: Record<string, number> = {};
  for (const [name, email] of APPLICANTS) {
    const page = await app.newPage({ keep: true });
    await signUpThroughApi(server, page.context, { name, email, password: PASSWORD });
    people[email] = (await findPersonByEmail(db, email))?.id ?? 0;
    if (email !== "cy@example.org") pages[email === "ana@example.org" ? "ana" : "ben"] = page;
  }
  let minute = 0;
  const apply = async (email: string, projectId: number, rank: number) => {
    minute += 1;
    const at = new Date(Date.now() - 60 * 60_000 + minute * 60_000);
    const id = await insertApplicationRow(db, { termId: term.id, projectId, personId: people[email] as number, state: "submitted", at });
    await db.updateTable("applications").set({ reviewMark: "shortlisted", shortlistRank: rank }).where("id", "=", id).execute();
  };
  await apply("ana@example.org", first.id, 1);
  await apply("ana@example.org", second.id, 1);
  await apply("ben@example.org", second.id, 2);
  await apply("cy@example.org", second.id, 3);

  // Mo mentors the first project; the program pays 3,000 USD in two halves, released by the evaluations.
  pages.mentor = await app.newPage({ keep: true });
  await signUpThroughApi(server, pages.mentor.context, { name: "Mo Mentor", email: "mo@example.org", password: PASSWORD });
  await addProjectMentor(db, first.id, (await findPersonByEmail(db, "mo@example.org"))?.id ?? 0);
  await db
    .insertInto("stipendPolicies")
    .values({
      programId: term.programId,
      currency: "USD",
      baseAmount: 300_000,
      installments: JSON.stringify([
        { basisPoints: 5000, releasedBy: "midterm" },
        { basisPoints: 5000, releasedBy: "final" },
      ]),
      updatedAt: new Date().toISOString(),
    })
    .execute();

  pages.admin = await app.newPage({ keep: true });
  await signInAsNewAdmin(server, pages.admin.context, { name: "Ida Admin", email: "ida@example.org", password: PASSWORD }, OPEN_TERM.program);
});

/** No serious axe violation on the page as it is: light, dark, and at a phone's width; a screenshot of it for people to look at. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await saveScreenshot(page, `selection-flow-${what.replace(/\W+/g, "-")}`);
  expect(await seriousAxeViolations(page), `${what}, light`).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousAxeViolations(page, "colours"), `${what}, dark`).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  expect(await seriousAxeViolations(page), `${what}, 390 px`).toEqual([]);
  if (size) await page.setViewportSize(size);
}

test("the admin publishes the selection; at the notifications instant Ana accepts, Ben declines, and Cy is offered the freed place", async () => {
  const smtp = app.smtp();
  const admin = pages.admin.page;
  await admin.goto(`/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/selection`);
  await admin.getByRole("button", { name: "Run the selection" }).click();
  await admin.getByText("The selection ran: its proposal is below.").waitFor();
  // Both projects wanted Ana: she goes to the one she applied to first.
  const conflicts = admin.locator(".selection-conflicts");
  await expect.poll(() => text(conflicts)).toContain(`Ana Applicant goes to ${projects.first}.`);

  await admin.getByRole("button", { name: "Publish this selection…" }).click();
  await admin.getByRole("group", { name: "Publish this proposal?" }).waitFor();
  await expectAccessible(admin, "publishing the selection");
  await admin.getByRole("button", { name: "Publish it" }).click();
  await admin.getByText("The selection is published.", { exact: false }).waitFor();
  // The dry run: three emails, two offers, and Ana's opened in full.
  await admin.getByText(/3 applicants get one email each: 2 offers/).waitFor();
  await admin.getByRole("button", { name: "Read the email to Ana Applicant" }).click();
  await admin.getByRole("heading", { name: `Offer: a mentorship on "${projects.first}" in`, exact: false }).waitFor();
  await expectAccessible(admin, "the outcome emails previewed");

  // Before the instant, Ana's application says nothing of the outcome.
  const ana = pages.ana.page;
  await ana.goto("/applications");
  await ana.getByRole("heading", { name: "My applications" }).waitFor();
  await expect.poll(() => text(ana.locator(".application-item").first())).toContain("Submitted");
  expect(await ana.getByRole("button", { name: /^Accept/ }).count()).toBe(0);
  // While mentors review, Ana may reorder her two applications; she keeps the first one first.
  const preference = ana.locator(".preference-ranking .shortlist-name");
  await expect.poll(async () => (await preference.allInnerTexts()).map((name) => name.replace(/^\d+\.\s*/, ""))).toEqual([projects.first, projects.second]);
  await ana.getByRole("button", { name: `Move ${projects.first} down` }).click();
  await ana.getByText(`“${projects.first}” is now your choice number 2.`).waitFor();
  await ana.getByRole("button", { name: `Move ${projects.first} up` }).click();
  await ana.getByText(`“${projects.first}” is now your choice number 1.`).waitFor();
  await expectAccessible(ana, "ranking one's own applications");

  // The server's clock reaches the notifications instant: its scheduler sends the notices.
  const before = smtp.received.length;
  clock.aheadMs = noticesAt.getTime() - Date.now() + 1000;
  const offer = await waitForEmail(smtp, "ana@example.org", { after: before, timeoutMs: 30_000 });
  expect(offer.text).toContain(`Congratulations! The mentors of "${projects.first}"`);
  await waitForEmail(smtp, "cy@example.org", { after: before, matches: (email) => (email.text ?? "").includes("could not offer you a place") });

  await ana.reload();
  await ana.getByRole("button", { name: `Accept the offer on ${projects.first}` }).click();
  await ana.getByRole("group", { name: `Accept the mentorship on “${projects.first}”?` }).waitFor();
  await expectAccessible(ana, "accepting an offer");
  await ana.getByRole("button", { name: "Accept it" }).click();
  await ana.getByText(`You accepted the mentorship on “${projects.first}”. Welcome!`).waitFor();
  await expect
    .poll(() => ana.locator(".application-item").allInnerTexts())
    .toEqual([expect.stringContaining("Accepted"), expect.stringContaining("Withdrawn")]);
  // Her mentorship has its page, linked from her applications.
  await ana.getByRole("link", { name: `${projects.first} · `, exact: false }).click();
  await ana.getByRole("heading", { name: "People" }).waitFor();
  await expect.poll(() => text(ana.locator(".facts"))).toContain("Ana Applicant");
  await expectAccessible(ana, "a mentorship read by its mentee");
  mentorshipUrl = ana.url();

  const ben = pages.ben.page;
  await ben.goto("/applications");
  await ben.getByRole("button", { name: `Decline the offer on ${projects.second}` }).click();
  const afterDecline = smtp.received.length;
  await ben.getByRole("button", { name: "Decline it" }).click();
  await ben.getByText(`You declined the offer on “${projects.second}”.`).waitFor();
  // The place goes down the second project's ranking: Ana holds a mentorship, so Cy is offered it.
  const waitlist = await waitForEmail(smtp, "cy@example.org", { after: afterDecline, timeoutMs: 30_000 });
  expect(waitlist.text).toContain(`a place opened up in`);
  expect(waitlist.text).toContain(`"${projects.second}"`);

  // The admin sees each change per project.
  await admin.reload();
  await admin.getByRole("heading", { name: "Outcome emails" }).waitFor();
  const offers = async () => (await admin.locator(".selection-offers").allInnerTexts()).sort();
  await expect
    .poll(offers)
    .toEqual([
      expect.stringMatching(/^Ana Applicant\s+Accepted/),
      expect.stringMatching(/^Ben Second\s+Declined[\s\S]*Cy Third\s+Offered\s+from the waitlist · answer by/),
    ]);
  await expectAccessible(admin, "the offers after the notices");
  // The project's review queue, as its mentors and the admins read it, says where each offer stands.
  await admin.goto(`/projects/${projects.secondSlug}/applications`);
  const outcome = (name: string) => text(admin.locator(".queue-row", { hasText: name }));
  await expect.poll(() => outcome("Ben Second")).toContain("Declined");
  await expect.poll(() => outcome("Cy Third")).toContain("Offered");
  await expectAccessible(admin, "a review queue with its outcomes");
  // The admin extends Ana's mentorship by two weeks: its later dates move.
  await admin.goto(mentorshipUrl);
  await admin.getByLabel("By").selectOption("2");
  await admin.getByLabel("Why", { exact: true }).fill("Exams in the middle of the term.");
  await admin.getByRole("button", { name: "Save the extension" }).click();
  await admin.getByText("The mentorship is extended: its dates above have moved.").waitFor();
  await expect.poll(() => text(admin.locator("li", { hasText: "Midterm evaluations" }))).toContain("Moved");
  await expectAccessible(admin, "a mentorship extended by its admin");
}, 120_000);

/** Moves the server's clock to `instant` (plus a second); the test's sessions are kept alive across the jump, which is not what it is about. */
async function moveClockTo(instant: Date): Promise<void> {
  clock.aheadMs = instant.getTime() - Date.now() + 1000;
  const farAhead = new Date(instant.getTime() + 60 * 24 * 60 * 60_000).toISOString();
  await app.server().database.db.updateTable("sessions").set({ expiresAt: farAhead }).execute();
}

test("Ana's mentorship runs: Mo passes her midterm, the admin approves and exports the installment and marks it paid, and Ana's ledger and inbox follow each step", async () => {
  const smtp = app.smtp();
  const [admin, ana, mentor] = [pages.admin.page, pages.ana.page, pages.mentor.page];
  const mentorshipId = Number(mentorshipUrl.split("/").pop());
  const read = async () =>
    (await admin.evaluate(async (id) => (await fetch(`/api/mentorships/${id}`)).json(), mentorshipId)) as {
      dates: Array<{ kind: string; startsAt: string }>;
      evaluations: Array<{ kind: string; opensAt: string }>;
    };
  // The term starts: the mentorship begins, with its two installments.
  const startsAt = new Date((await read()).dates.find((date) => date.kind === "start")?.startsAt ?? "");
  const beforeWelcome = smtp.received.length;
  await moveClockTo(startsAt);
  await waitForEmail(smtp, "ana@example.org", { after: beforeWelcome, timeoutMs: 30_000, matches: (email) => email.subject.includes("begins") });

  // The midterm window (moved by the extension) opens; Mo writes the assignments and passes Ana.
  await moveClockTo(new Date((await read()).evaluations.find((evaluation) => evaluation.kind === "midterm")?.opensAt ?? ""));
  await mentor.goto(mentorshipUrl);
  await mentor.getByLabel("Assignments", { exact: true }).fill("- Read the flow log parser\n- Fix one good first issue");
  await mentor.getByRole("button", { name: "Save the assignments" }).click();
  await mentor.getByRole("button", { name: "Edit the assignments" }).waitFor();
  await mentor.getByLabel("Comments to the mentee").fill("A strong first half.");
  await expectAccessible(mentor, "a midterm evaluation to submit");
  const beforeDue = smtp.received.length;
  await mentor.getByRole("button", { name: "Submit the midterm evaluation" }).click();
  await expect.poll(() => text(mentor.locator(".evaluation[data-kind=midterm]"))).toContain("Passed");
  const due = await waitForEmail(smtp, "ana@example.org", {
    after: beforeDue,
    timeoutMs: 30_000,
    matches: (email) => email.subject.startsWith("Installment 1 of 2"),
  });
  expect(due.subject).toBe("Installment 1 of 2 (USD 1,500.00): due");

  const ledgerState = () => text(ana.locator(".ledger-item").first());
  await ana.goto(mentorshipUrl);
  await expect.poll(ledgerState).toContain("Due");
  await expect.poll(() => text(ana.locator(".evaluation[data-kind=midterm]"))).toContain("A strong first half.");

  // The admin approves it from the Mentorships page and exports the finance CSV.
  await admin.goto(`/admin/${OPEN_TERM.program}/mentorships`);
  await admin.getByRole("checkbox", { name: "Select installment 1 of Ana Applicant" }).check();
  await admin.getByRole("button", { name: "Approve selected (1)" }).click();
  await admin.getByText("1 installment approved.").waitFor();
  await ana.reload();
  await expect.poll(ledgerState).toContain("Approved");
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Export approved to CSV (1)" }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks).toString("utf8");
  expect(csv.split("\r\n")[1]).toContain(",Ana Applicant,ana@example.org,");
  expect(csv).toContain(",1500.00,USD,150000,");
  await admin.getByText("1 approved installment exported to the finance CSV", { exact: false }).waitFor();
  await ana.reload();
  await expect.poll(ledgerState).toContain("Sent to finance");

  // Finance paid it: the admin enters the reference.
  await admin.getByLabel("Show").selectOption("exported");
  await admin.getByLabel("Payment reference of installment 1 of Ana Applicant").fill("PAY-2026-0001");
  await expectAccessible(admin, "installments to mark paid");
  await admin.getByRole("button", { name: "Mark paid installment 1 of Ana Applicant" }).click();
  await admin.getByText("Installment 1 of Ana Applicant is marked paid.").waitFor();
  await ana.reload();
  await expect.poll(ledgerState).toContain("reference PAY-2026-0001");
  await expectAccessible(ana, "the mentee's stipend ledger");
  const subjects = async () =>
    smtp.received.filter((email) => email.to.includes("ana@example.org") && email.subject.startsWith("Installment 1 of 2")).map((email) => email.subject);
  await expect
    .poll(subjects, { timeout: 30_000 })
    .toEqual([
      "Installment 1 of 2 (USD 1,500.00): due",
      "Installment 1 of 2 (USD 1,500.00): approved",
      "Installment 1 of 2 (USD 1,500.00): sent to finance",
      "Installment 1 of 2 (USD 1,500.00): paid",
    ]);

  // The term's report draws its funnel with these numbers: four applications by three applicants, Ana's mentorship past its midterm.
  await admin.goto(`/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/report`);
  const funnel = admin.getByRole("img", { name: /from proposals to paid stipends/ });
  await expect.poll(() => funnel.getAttribute("aria-label")).toContain("Applicants 3, Applications 4");
  expect(await funnel.getAttribute("aria-label")).toContain("Offers accepted 1, Midterm passed 1, Completed 0");
}, 180_000);
