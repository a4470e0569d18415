/*
 * How every page is checked in Chromium: axe, screenshots and what a person would notice, in
 * light and dark, at 1280 and 390 px, from one file per area (accessibility-<area>.test.ts).
 *
 * To check a new page, add an entry to its area's list of page states (`PUBLIC_PAGES` in
 * accessibility-public.test.ts, `ACCOUNT_PAGES` in account-axe.ts, `PROPOSAL_PAGES` in
 * proposal-axe.ts): a name, its path, who looks at it (`as`), an `act` that brings it into the
 * state to check (a failed submission, an open menu), and `phone: true` to run axe at 390 px too.
 * Each state is loaded once per width, in one browser page per person kept for the whole area:
 * axe runs in light, the page switches to dark on the same load and axe runs its colour rules
 * again (the rest cannot change with the theme); a screenshot of each theme goes to .tmp/screenshots when COHORT_TEST_SCREENSHOTS=1, and the page is
 * checked for its heading, nothing scrolling sideways and no error. A failure names the page,
 * its width and its theme. A state whose violation the pages have yet to fix says why in
 * `knownAxeViolation` and keeps every other check; the fix removes it.
 *
 * For a new area, write its fixtures (a `prepare<Area>Fixtures(app)` made through the API, like
 * proposal-fixtures.ts), its list of states, and a test file that calls `describePageChecks` once:
 * one server, one set of fixtures and one browser connection for the whole area.
 */
import axe from "axe-core";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import type { SignedInState } from "./account-fixtures.ts";
import { DESKTOP, expectSoundPage, PHONE, saveScreenshot, setupWebApp, type TestPage, type WebApp } from "./support.ts";

type Viewport = { width: number; height: number };

/** The rules axe checks: WCAG 2.1 A and AA plus best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * The rules whose outcome the theme changes: in dark, the page's structure, names and roles are
 * those already checked in light, so only its colours are checked again.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** The page's window once axe-core is in it. */
type WithAxe = Window & { axe: typeof axe };

/**
 * The serious and critical axe violations of the page as it is now, one line each: of every rule,
 * or of the colour rules alone (`colours`). axe-core is put into the page once per load and run
 * there: @axe-core/playwright evaluates its half megabyte again on every run and opens a second
 * page to finish each one, three times slower.
 */
export async function seriousAxeViolations(page: Page, rules: "all" | "colours" = "all"): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const runOnly = rules === "all" ? { type: "tag" as const, values: AXE_TAGS } : { type: "rule" as const, values: COLOUR_RULES };
  return page.evaluate(async (only) => {
    // Only the violations are needed in full; leaving out the details of passes makes a run faster.
    const results = await (window as unknown as WithAxe).axe.run(document, { runOnly: only, resultTypes: ["violations"] });
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  }, runOnly);
}

/**
 * Switches a loaded page to the dark theme and waits until its styles have changed, so what
 * is checked next sees dark colours. The body's background differs between the themes.
 */
async function showDarkTheme(page: Page): Promise<void> {
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(
    (before) => matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.body).backgroundColor !== before,
    light,
  );
}

/** One page in one state, as one person sees it. */
export interface PageState<Fixtures, Role extends string> {
  name: string;
  path: (fixtures: Fixtures) => string;
  /** Who looks at it; the area's `session` gives their cookies, none for a visitor. */
  as?: Role;
  /** Brings the page into the state to check (a failed submission, an open menu), after each load. */
  act?: (page: Page) => Promise<void>;
  /** Also run axe at 390 px, where the layout changes most; screenshots are taken at both widths anyway. */
  phone?: boolean;
  /** A state that exists on a phone alone (the catalog's filter toggle): checked at 390 px only, with axe. */
  phoneOnly?: boolean;
  /** Why axe skips this state: a known violation the pages have yet to fix. Everything else is still checked. */
  knownAxeViolation?: string;
}

/** The pages of one area and what they need to show something. */
export interface PageArea<Fixtures, Role extends string> {
  /** What the pages are, after "the": "account and admin pages". */
  title: string;
  /** The start of each screenshot's file name. */
  screenshotPrefix: string;
  pages: PageState<Fixtures, Role>[];
  /** Makes the area's data through the API, once for all its pages. */
  prepare(app: WebApp): Promise<Fixtures>;
  /** The cookies of the person a page is seen as. */
  session?(fixtures: Fixtures, as: Role): SignedInState | undefined;
  /** The console lines of refusals the states provoke on purpose (a used link, a wrong password). */
  provoked?: RegExp;
}

function fileName(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
}

/**
 * Checks every page state of an area, one test each, at 1280 and 390 px in light and dark on
 * one load per width: no serious or critical axe violation (at 390 px where `phone` says so),
 * its heading shown, nothing scrolling sideways, no error; and writes a screenshot of each.
 */
export function describePageChecks<Fixtures, Role extends string>(area: PageArea<Fixtures, Role>): void {
  const app = setupWebApp();
  let prepared: { fixtures: Fixtures } | undefined;
  // One browser page per person, kept across the states: a new context would fetch and compile the
  // web UI's bundle again on every load, which took most of these tests' time.
  const pages = new Map<string, TestPage>();
  const pageFor = async (as: Role | undefined, storageState: SignedInState | undefined, viewport: Viewport): Promise<TestPage> => {
    const key = as ?? "";
    let shown = pages.get(key);
    if (!shown) {
      shown = await app.newPage({ keep: true });
      pages.set(key, shown);
    }
    // Each state starts as a fresh load would: the person's own cookies only, light, at its width, no leftover errors.
    await shown.page.goto("about:blank");
    await shown.context.clearCookies();
    if (storageState) await shown.context.addCookies(storageState.cookies);
    await shown.page.emulateMedia({ colorScheme: "light" });
    await shown.page.setViewportSize(viewport);
    shown.errors.splice(0);
    return shown;
  };
  beforeAll(async () => {
    prepared = { fixtures: await area.prepare(app) };
  });

  describe(`the ${area.title} in light and dark, at 1280 and 390 px`, () => {
    // Two loads, four axe runs and four screenshots: more than one browser test's usual bound on a loaded machine.
    test.each(area.pages)("the $name page has no serious axe violation and shows nothing broken", { timeout: 120_000 }, async (entry) => {
      if (!prepared) throw new Error("fixtures missing (beforeAll failed?)");
      const { fixtures } = prepared;
      const address = entry.path(fixtures);
      const storageState = entry.as ? area.session?.(fixtures, entry.as) : undefined;
      for (const viewport of entry.phoneOnly ? [PHONE] : [DESKTOP, PHONE]) {
        const shown = await pageFor(entry.as, storageState, viewport);
        await shown.open(address);
        await entry.act?.(shown.page);
        for (const theme of ["light", "dark"] as const) {
          if (theme === "dark") await showDarkTheme(shown.page);
          const label = `${entry.name} (${address}) at ${viewport.width} px in the ${theme} theme`;
          if (!entry.knownAxeViolation && (viewport === DESKTOP || entry.phone || entry.phoneOnly)) {
            const rules = theme === "dark" ? "colours" : "all";
            expect(await seriousAxeViolations(shown.page, rules), `${label}: serious or critical axe violations`).toEqual([]);
          }
          await saveScreenshot(shown.page, `${area.screenshotPrefix}${fileName(entry.name)}-${viewport.width}-${theme}`);
          await expectSoundPage(shown, label, area.provoked);
        }
        // What a state left in the page's storage (a draft, a dismissed notice) is not the next state's.
        await shown.page.evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        });
      }
    });
  });
}
