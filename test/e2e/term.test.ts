import { describe, expect, test } from "vitest";
import { FIXTURE_PROGRAM, OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { PHONE, setupWebApp, text } from "./support.ts";

const app = setupWebApp();

describe("programs and terms", () => {
  test("the home page lists each program with its current term, status and next deadline", async () => {
    const { page, open, errors } = await app.newPage();
    await open("/");
    const open_ = page.locator(".program-card", { hasText: OPEN_TERM.programName });
    expect(await text(open_.locator(".chip"))).toBe("Applications open");
    expect(await text(open_.locator(".deadline"))).toMatch(/Applications close in [23] days \d+ h/);
    // The real program's current term depends on today's date: it has some status, in words.
    const real = page.locator(".program-card", { hasText: FIXTURE_PROGRAM.programName });
    expect(await text(real.locator(".chip"))).toMatch(
      /^(Planned|Proposals open|Applications open|In review|Selections announced|In progress|Complete|Dates unknown)/,
    );
    await open_.getByRole("link", { name: OPEN_TERM.programName }).click();
    await page.getByRole("heading", { level: 1, name: OPEN_TERM.programName }).waitFor();
    expect(await text(page.locator(".term-card .chip"))).toBe("Applications open");
    await page
      .locator(".term-rows")
      .getByRole("link", { name: /^Term 01 - \d{4} Open Applications$/ })
      .click();
    await page.getByRole("heading", { level: 1, name: /Open Applications/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/terms/${OPEN_TERM.term}`);
    expect(errors).toEqual([]);
  });

  test("the term page shows the countdown, the timeline with the current phase, and what to do next", async () => {
    const { page, open, errors } = await app.newPage();
    await page.clock.install();
    await open(`/terms/${OPEN_TERM.term}`);
    expect(await text(page.locator(".page-head .chip"))).toBe("Applications open");
    expect(await text(page.locator(".page-head"))).toContain("America/Los_Angeles");

    const timer = page.getByRole("timer");
    expect(await timer.getAttribute("aria-live")).toBe("polite");
    const before = await text(timer);
    expect(before).toMatch(/^in [23] days \d+ h$/);
    expect(await text(page.locator(".now-panel .deadline-what"))).toMatch(/^Applications close in/);
    // The countdown moves on while the page stays open.
    await page.clock.runFor(3 * 60 * 60 * 1000);
    await expect.poll(() => text(timer)).not.toBe(before);

    const current = page.locator('.timeline [aria-current="step"]');
    expect(await current.count()).toBe(1);
    const currentText = await text(current);
    expect(currentText).toContain("Mentee applications open");
    expect(currentText).toContain("NOW");
    expect(currentText).toMatch(/your time/);
    expect(currentText).toMatch(/Term time: .*17:00 P[SD]T/);
    // The original wording is quoted with <q>, whose quotation marks are not part of the text.
    expect(currentText).toMatch(/As written: \w+ \w+ \d+, \d{4} - \w+ \w+ \d+, \d{4}, 5:00 PM P[SD]T/);
    expect(await page.locator(".timeline .phase-past").count()).toBe(1);
    expect(await page.locator(".timeline .phase-upcoming").count()).toBe(6);

    const calendar = page.getByRole("link", { name: "Add to calendar (.ics)" });
    expect(await calendar.getAttribute("href")).toBe(`/api/terms/${OPEN_TERM.term}/calendar.ics`);
    const ics = await fetch(`${app.server().url}/api/terms/${OPEN_TERM.term}/calendar.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");

    const counts = await text(page.locator(".counts"));
    expect(counts.replace(/\s+/g, " ")).toBe("Organizations 4 Projects 6 Mentors 6");

    await page.getByRole("link", { name: "Browse projects and apply" }).click();
    await page.getByRole("heading", { level: 1, name: /^Projects/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/terms/${OPEN_TERM.term}/projects`);
    expect(errors).toEqual([]);
  });

  test("in the last 48 hours before applications close the chips turn to closing soon", async () => {
    const { page, open, errors } = await app.newPage();
    const term = (await (await fetch(`${app.server().url}/api/terms/${OPEN_TERM.term}`)).json()) as { nextDeadline: { at: string } };
    await page.clock.install({ time: new Date(Date.parse(term.nextDeadline.at) - 20 * 60 * 60 * 1000) });
    await open(`/terms/${OPEN_TERM.term}`);
    const chip = page.locator(".page-head .chip");
    expect(await text(chip)).toBe("Applications open · closing soon");
    expect(await chip.getAttribute("class")).toContain("chip-closing");
    expect(await text(page.getByRole("timer"))).toMatch(/^in (20 h|19 h \d+ min)$/);
    await open(`/projects/${OPEN_TERM.term}-harbor-cli`);
    expect(await text(page.locator(".apply-panel .chip"))).toBe("Applications: Open · closing soon");
    expect(errors).toEqual([]);
  });

  test("a program page lists its terms by year, one line each with dates, status and projects, and each page has its own title", async () => {
    const { page, open, errors } = await app.newPage();
    await open(`/programs/${FIXTURE_PROGRAM.program}`);
    expect(await page.title()).toBe(`${FIXTURE_PROGRAM.programName} · Cohort`);
    const years = (await page.locator(".term-year h3").allInnerTexts()).filter((year) => /^\d{4}$/.test(year));
    expect(years.length).toBeGreaterThanOrEqual(5);
    expect(years).toEqual([...years].sort().reverse());
    const year2024 = page.locator(".term-year", { has: page.getByRole("heading", { level: 3, name: "2024" }) });
    const row = year2024.locator(".term-row", { has: page.locator(`a[href="/terms/${PAST_TERM.term}"]`) });
    const term = (await (await fetch(`${app.server().url}/api/terms/${PAST_TERM.term}`)).json()) as { title: string; counts: { projects: number } };
    expect(await text(row.locator(".term-row-title"))).toBe(term.title);
    expect(await text(row.locator(".term-row-dates"))).toMatch(/^\d{1,2} [A-Z][a-z]{2} – \d{1,2} [A-Z][a-z]{2} 2024$/);
    expect(await text(row.locator(".chip"))).toBe("Complete");
    expect(await text(row.locator(".term-row-projects"))).toContain(`${term.counts.projects} projects`);

    await row.locator(".term-row-title").click();
    await page.getByRole("heading", { level: 1, name: term.title }).waitFor();
    expect(await page.title()).toBe(`${term.title} · ${FIXTURE_PROGRAM.programName} · Cohort`);
    await page.getByRole("link", { name: "See this term's projects" }).click();
    await page.locator(".result-list .card-title").first().waitFor();
    expect(await page.title()).toBe(`Projects · ${term.title} · ${FIXTURE_PROGRAM.programName} · Cohort`);
    expect(errors).toEqual([]);
  });

  test("a complete term says so and points to its projects", async () => {
    const { page, open, errors } = await app.newPage({ viewport: PHONE });
    await open(`/terms/${PAST_TERM.term}`);
    expect(await text(page.locator(".page-head .chip"))).toBe("Complete");
    expect(await text(page.locator(".now-panel"))).toContain("This term is complete: there are no dates ahead.");
    expect(await page.locator('.timeline [aria-current="step"]').count()).toBe(0);
    expect(await page.locator(".timeline .phase-past").count()).toBe(8);
    expect(await text(page.locator(".timeline"))).toContain("As written: Monday May 13 - Tues May 28, 5:00 PM PDT");
    expect(await page.getByRole("link", { name: "See this term's projects" }).getAttribute("href")).toBe(`/terms/${PAST_TERM.term}/projects`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });
});
