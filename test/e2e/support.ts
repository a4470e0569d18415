import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { connectBrowser } from "../helpers/browser.ts";
import { startWebServer, type WebServer } from "../helpers/web-server.ts";

/** The viewer's zone in every browser test: not the term's zone, so both times show. */
export const VIEWER_ZONE = "Europe/Berlin";

/** A desktop and a phone viewport. */
export const DESKTOP = { width: 1280, height: 900 } as const;
/** A phone viewport, 390 px wide. */
export const PHONE = { width: 390, height: 844 } as const;

/** The text of an element as the person sees it (CSS applied: hidden parts left out, line breaks kept). */
export function text(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, which is what the tests check.
  return locator.innerText();
}

/** One browser context and page for one test, with the page's script errors collected. */
export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors the page raised; a test expects none. */
  errors: string[];
  /** Loads a path of the server's web UI and waits until the page's main heading is there. */
  open(path: string): Promise<void>;
}

/** Options of a test page. */
export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
}

/**
 * Starts the seeded server and connects to the run's shared Chromium once per test file,
 * and gives each test its own browser context (closed after the test).
 */
export function setupWebApp(): { server(): WebServer; newPage(options?: PageOptions): Promise<TestPage> } {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // A browser flow takes seconds, more when the whole suite shares two cores.
  vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), connectBrowser()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const current = () => {
    if (!server || !browser) throw new Error("the web app is not started (beforeAll failed?)");
    return { server, browser };
  };

  return {
    server: () => current().server,
    async newPage(options = {}) {
      const { server: running, browser: connected } = current();
      const context = await connected.newContext({
        baseURL: running.url,
        viewport: options.viewport ?? DESKTOP,
        colorScheme: options.colorScheme ?? "light",
        timezoneId: VIEWER_ZONE,
        locale: "en-GB",
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        // A 404 answer that the page turns into its "not found" view is expected, not a fault.
        if (message.type() === "error" && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
      });
      return {
        context,
        page,
        errors,
        async open(path) {
          await page.goto(path);
          await page.locator("main h1").first().waitFor();
          await page.locator("p.loading").waitFor({ state: "detached" });
        },
      };
    },
  };
}
