import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { PHONE, setupWebApp, text } from "./support.ts";

const app = setupWebApp();
const catalog = `/terms/${OPEN_TERM.term}/projects`;

/** The titles of the result cards, in order. */
function cardTitles(page: Page): Promise<string[]> {
  return page.locator(".result-list .card-title").allInnerTexts();
}

function resultCount(page: Page): Promise<string> {
  return text(page.locator(".result-count"));
}

describe("catalog", () => {
  test("while the first answer loads the catalog shows an outline of facets and cards, never an empty result", async () => {
    const { page, errors } = await app.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/terms/*/projects*", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(catalog);
    await page.locator(".skeleton-card").first().waitFor();
    expect(await page.getByText("None in these results").count()).toBe(0);
    expect(await page.getByRole("status").filter({ hasText: "Loading projects…" }).count()).toBe(1);
    release();
    await expect.poll(() => resultCount(page)).toBe("6 projects");
    expect(await page.locator(".skeleton").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("search and facets narrow the results, and loading the URL restores them", async () => {
    const { page, open, errors } = await app.newPage();
    await open(catalog);
    await expect.poll(() => resultCount(page)).toBe("6 projects");

    await page.getByRole("checkbox", { name: /^Go \(3\)/ }).check();
    await page.waitForURL(/\?skill=go$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI", "Harbor Satellite", "Jaeger-V2 Observability and Healthchecks"]);

    // Facet counts follow the current filter: only Go projects are counted now.
    await expect.poll(() => page.getByRole("checkbox", { name: /^Harbor \(2\)/ }).count()).toBe(1);
    await page.getByRole("checkbox", { name: /^Harbor \(2\)/ }).check();
    await page.waitForURL(/\?skill=go&org=harbor$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI", "Harbor Satellite"]);

    await page.getByLabel("Search projects").fill("satellite");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\?q=satellite&skill=go&org=harbor$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor Satellite"]);
    const shared = new URL(page.url());

    // A fresh context that loads the same address sees the same state.
    const second = await app.newPage();
    await second.open(`${shared.pathname}${shared.search}`);
    await expect.poll(() => cardTitles(second.page)).toEqual(["Harbor Satellite"]);
    expect(await second.page.getByLabel("Search projects").inputValue()).toBe("satellite");
    expect(await second.page.getByRole("checkbox", { name: /^Go \(/ }).isChecked()).toBe(true);
    expect(await second.page.getByRole("checkbox", { name: /^Harbor \(/ }).isChecked()).toBe(true);
    expect(await second.page.getByRole("checkbox", { name: /^Jaeger \(/ }).count()).toBe(0);

    // Back walks the filter history; forward comes back.
    await page.goBack();
    await page.waitForURL(/\?skill=go&org=harbor$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI", "Harbor Satellite"]);
    expect(await page.getByLabel("Search projects").inputValue()).toBe("");
    await page.goForward();
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor Satellite"]);

    // Unticking a facet widens the results again.
    await page.getByRole("checkbox", { name: /^Go \(/ }).uncheck();
    await page.waitForURL(/\?q=satellite&org=harbor$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor Satellite"]);
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  test("several organizations widen the results (OR) while several skills narrow them (AND)", async () => {
    const { page, open } = await app.newPage();
    await open(`${catalog}?org=harbor&org=jaeger`);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI", "Harbor Satellite", "Jaeger-V2 Observability and Healthchecks"]);
    await open(`${catalog}?skill=go&skill=kubernetes`);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI"]);
  });

  test("nothing matching offers to clear the filters", async () => {
    const { page, open, errors } = await app.newPage();
    await open(`${catalog}?q=zzzz-no-such-words&skill=go`);
    await expect.poll(() => page.getByRole("heading", { name: "No projects match" }).count()).toBe(1);
    expect(await text(page.locator(".empty-state"))).toContain("“zzzz-no-such-words”");
    await page.locator(".empty-state").getByRole("link", { name: "Clear all filters" }).click();
    await page.waitForURL((url) => url.pathname === catalog && url.search === "");
    await expect.poll(() => resultCount(page)).toBe("6 projects");
    expect(errors).toEqual([]);
  });

  test("the keyboard alone reaches the search box, searches with Enter and keeps focus there", async () => {
    const { page, open, errors } = await app.newPage();
    await open(catalog);
    // The skip link shows when focused and moves focus to the main content.
    const skip = page.getByRole("link", { name: "Skip to content" });
    await skip.focus();
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    let reached = false;
    for (let presses = 0; presses < 25 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.id === "catalog-search");
    }
    expect(reached).toBe(true);
    await page.keyboard.type("dashboard");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=dashboard$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Iterating Enhancement for KubeEdge Dashboard"]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("catalog-search");
    // The focus ring is visible on the focused field.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    expect(errors).toEqual([]);
  });

  test("on a phone the facets sit behind a filter button", async () => {
    const { page, open, errors } = await app.newPage({ viewport: PHONE });
    await open(catalog);
    const kubernetes = page.getByRole("checkbox", { name: /^Kubernetes \(/ });
    expect(await kubernetes.isVisible()).toBe(false);
    const toggle = page.getByRole("button", { name: "Show filters" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await page.getByRole("button", { name: "Hide filters" }).getAttribute("aria-expanded")).toBe("true");
    await kubernetes.check();
    await page.waitForURL(/\?skill=kubernetes$/);
    await expect.poll(() => cardTitles(page)).toHaveLength(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });

  test("the skill facet's search box finds a skill among many as one types", async () => {
    const { page, open, errors } = await app.newPage();
    await open(`/terms/${PAST_TERM.term}/projects`);
    const find = page.getByLabel("Find a skill");
    const cobra = page.getByRole("checkbox", { name: /^Cobra \(1\)/ });
    await expect.poll(() => page.getByRole("button", { name: "Show all 59 skills" }).count()).toBe(1);
    expect(await cobra.count()).toBe(0);

    await find.fill("cob");
    await expect.poll(() => cobra.count()).toBe(1);
    expect(await page.locator(".facet-list").first().getByRole("checkbox").count()).toBe(1);
    expect(await text(page.locator(".facet-found"))).toBe("1 of 59 skills match.");
    // Spaces and dots do not matter: "node js" finds Node.js.
    await find.fill("node js");
    await expect.poll(() => page.getByRole("checkbox", { name: /^Node\.js \(/ }).count()).toBe(1);
    await find.fill("spf13");
    await expect.poll(() => text(page.locator(".facet-found"))).toBe("None of the 59 matches “spf13”.");

    // A ticked skill stays in the list, and the words typed stay for the next one.
    await find.fill("cobra");
    await cobra.check();
    await page.waitForURL(/\?skill=cobra$/);
    await expect.poll(() => cardTitles(page)).toEqual(["Harbor CLI"]);
    expect(await find.inputValue()).toBe("cobra");
    expect(await cobra.isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  test("a large term pages through its results with real links", async () => {
    const { page, open, errors } = await app.newPage();
    const { total } = (await (await fetch(`${app.server().url}/api/terms/${PAST_TERM.term}/projects?limit=1`)).json()) as { total: number };
    expect(total).toBeGreaterThan(40);
    await open(`/terms/${PAST_TERM.term}/projects`);
    await expect.poll(() => resultCount(page)).toBe(`Showing 1–20 of ${total} projects`);
    const pager = page.getByRole("navigation", { name: "Pages of results" });
    expect(await pager.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
    const firstPage = await cardTitles(page);
    await pager.getByRole("link", { name: /Next/ }).click();
    await page.waitForURL(/\?page=2$/);
    await expect.poll(() => resultCount(page)).toBe(`Showing 21–40 of ${total} projects`);
    const secondPage = await cardTitles(page);
    // The new page of results starts at the top of the list, where focus now is.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("results"))).toBe(true);
    expect(await page.evaluate(() => document.querySelector(".results")?.getBoundingClientRect().top ?? -1)).toBeGreaterThanOrEqual(0);
    expect(secondPage).toHaveLength(20);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
    expect(await pager.getByRole("link", { name: "Page 3" }).getAttribute("href")).toBe(`/terms/${PAST_TERM.term}/projects?page=3`);
    // Ticking a facet starts again at page 1.
    await page.getByRole("checkbox", { name: /^Go \(/ }).check();
    await page.waitForURL(/\?skill=go$/);
    expect(errors).toEqual([]);
  });
});
