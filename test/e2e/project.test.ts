import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { PHONE, setupWebApp, text } from "./support.ts";

const app = setupWebApp();

/**
 * Waits until every image has loaded or failed and the page has drawn two frames since, so an
 * error handler of a broken image, or a navigation a click queued, has had its turn to run.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function projectSlug(term: string, q: string): Promise<string> {
  const response = await fetch(`${app.server().url}/api/terms/${term}/projects?q=${encodeURIComponent(q)}&limit=1`);
  const body = (await response.json()) as { items: Array<{ slug: string }> };
  const slug = body.items[0]?.slug;
  if (!slug) throw new Error(`no project matches "${q}" in ${term}`);
  return slug;
}

describe("project page", () => {
  test("shows mentors with GitHub links, public emails only, upstream issues and an open apply link", async () => {
    const { page, open, errors } = await app.newPage();
    await open(`/terms/${OPEN_TERM.term}/projects`);
    await page.getByRole("link", { name: "Harbor CLI" }).click();
    await page.getByRole("heading", { level: 1, name: "Harbor CLI" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/projects\/[a-z0-9-]+$/);

    const mentors = page.locator(".mentor-list");
    expect(await mentors.getByRole("link", { name: "@orlando-test on GitHub" }).getAttribute("href")).toBe("https://github.com/orlando-test");
    expect(await mentors.getByRole("link", { name: "@vadim-test on GitHub" }).getAttribute("href")).toBe("https://github.com/vadim-test");
    expect(await mentors.getByRole("link", { name: "orlando@example.org" }).getAttribute("href")).toBe("mailto:orlando@example.org");
    expect(await mentors.locator('a[href^="mailto:"]').count()).toBe(1);

    const issue = page.getByRole("link", { name: "github.com/goharbor/harbor-cli/issues/1" });
    expect(await issue.getAttribute("href")).toBe("https://github.com/goharbor/harbor-cli/issues/1");
    expect(await page.getByRole("link", { name: OPEN_TERM.programName }).first().getAttribute("href")).toBe(`/programs/${OPEN_TERM.program}`);

    const panel = page.getByRole("complementary", { name: "Apply" });
    const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
    const apply = panel.getByRole("link", { name: "Sign in to apply to Harbor CLI" });
    expect(await apply.getAttribute("href")).toBe(`/sign-in?next=${encodeURIComponent(`/projects/${slug}/apply`)}`);
    expect(await panel.getByRole("link", { name: "This project on LFX Mentorship" }).getAttribute("href")).toBe(
      "https://mentorship.lfx.linuxfoundation.org/project/00000000-0000-4000-8000-000000000001",
    );
    const deadline = await text(panel.locator(".deadline"));
    expect(deadline).toMatch(/Applications close in [23] days/);
    expect(deadline).toMatch(/your time/);
    expect(deadline).toMatch(/17:00 P[SD]T/);
    expect(errors).toEqual([]);
  });

  test("an open project asks a visitor to sign in or create an account, either way coming back to its application form", async () => {
    const { page, open, errors } = await app.newPage({ viewport: PHONE });
    const slug = await projectSlug(OPEN_TERM.term, "satellite");
    await open(`/projects/${slug}`);
    const panel = page.getByRole("complementary", { name: "Apply" });
    const form = `/projects/${slug}/apply`;
    expect(await panel.getByRole("link", { name: /^Sign in to apply/ }).getAttribute("href")).toBe(`/sign-in?next=${encodeURIComponent(form)}`);
    expect(await panel.getByRole("link", { name: "Create an account" }).getAttribute("href")).toBe(`/sign-up?next=${encodeURIComponent(form)}`);
    expect(await panel.getByRole("button").count()).toBe(0);
    // The deadline still reads in the viewer's zone first and the term's beside it.
    expect(await text(panel.locator(".deadline"))).toMatch(/your time.*P[SD]T|P[SD]T.*your time/s);
    // Opening the form signed out leads to signing in, which comes back to it.
    await open(form);
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === form);
    expect(errors).toEqual([]);
  });

  test("a project of a finished term says applications closed and links its page on the program's application site", async () => {
    const { page, open, errors } = await app.newPage();
    await open(`/projects/${await projectSlug(PAST_TERM.term, "Harbor CLI")}`);
    const panel = page.getByRole("complementary", { name: "Apply" });
    await panel.getByText(/^Applications closed on /).waitFor();
    expect(await panel.getByRole("button").count()).toBe(0);
    expect(await panel.getByRole("link", { name: "This project on LFX Mentorship" }).getAttribute("href")).toMatch(
      /^https:\/\/mentorship\.lfx\.linuxfoundation\.org\/project\//,
    );
    expect(errors).toEqual([]);
  });

  test("a description that tries to run script runs nothing", async () => {
    const { page, open, errors } = await app.newPage();
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await open(`/projects/${await projectSlug(OPEN_TERM.term, "Markdown rendering hardening")}`);
    const description = page.locator(".prose").first();
    await description.waitFor();
    expect(await text(description)).toContain("None of it may run.");
    await settled(page);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator(".prose script").count()).toBe(0);
    expect(await page.locator(".prose [onerror], .prose [onclick], .prose [onload]").count()).toBe(0);
    expect(await page.evaluate(() => [...document.scripts].some((script) => script.textContent?.includes("__xss")))).toBe(false);
    expect(await page.locator('.prose a[href^="javascript:" i]').count()).toBe(0);

    const before = page.url();
    const link = page.locator(".prose").getByText("click", { exact: true });
    if ((await link.count()) > 0) await link.first().click();
    await settled(page);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(page.url()).toBe(before);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("not found", () => {
  test("unknown addresses and unknown terms or projects show a not-found page with a way home", async () => {
    const { page, open, errors } = await app.newPage();
    for (const [path, heading] of [
      ["/no/such/page", "This page does not exist"],
      ["/terms/no-such-term", "This term does not exist"],
      ["/terms/no-such-term/projects", "This term does not exist"],
      ["/projects/no-such-project", "This project does not exist"],
      ["/programs/no-such-program", "This program does not exist"],
    ] as const) {
      await open(path);
      expect(await text(page.locator("main h1")), path).toBe(heading);
      expect(await page.title()).toBe("Not found · Cohort");
    }
    await page.getByRole("link", { name: "Go to all programs" }).click();
    await page.getByRole("heading", { level: 1, name: "Mentorship programs" }).waitFor();
    // An address the web UI has no page for answers 404 itself, so crawlers and link checkers see it too.
    const unknown = await page.goto("/no/such/page");
    expect(unknown?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "This page does not exist" }).waitFor();
    expect((await page.goto(`/terms/${PAST_TERM.term}`))?.status()).toBe(200);
    expect(errors).toEqual([]);
  });
});
