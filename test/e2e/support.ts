import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { connectBrowser } from "../helpers/browser.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../helpers/smtp-server.ts";
import { startWebServer, type WebServer, type WebServerOptions } from "../helpers/web-server.ts";

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

/** How much wider than its viewport the page is, in CSS pixels: 0 or less when nothing scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Where screenshots go, for people to look at. */
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../.tmp/screenshots");

/**
 * Saves a full-page screenshot as .tmp/screenshots/<name>.png when the run asks for them
 * (COHORT_TEST_SCREENSHOTS=1): they are for a person to look at, and each costs about as much
 * as the checks of its page, so the everyday run skips them.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.COHORT_TEST_SCREENSHOTS !== "1") return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Asserts what a person would notice on the page just shown: its main heading is there with
 * words in it, nothing scrolls sideways, and no error was raised since the last check (the
 * errors are taken, so the next check sees only its own page's) but those the page provoked
 * on purpose (`provoked`, e.g. the 400 of a used link).
 */
export async function expectSoundPage({ page, errors }: TestPage, label: string, provoked?: RegExp): Promise<void> {
  const heading = page.locator("main h1").first();
  expect(await heading.isVisible(), `${label}: the main heading is visible`).toBe(true);
  expect((await text(heading)).trim(), `${label}: the main heading has words`).not.toBe("");
  expect(await horizontalOverflow(page), `${label}: pixels scrolling sideways`).toBeLessThanOrEqual(0);
  expect(
    errors.splice(0).filter((error) => !provoked?.test(error)),
    `${label}: console and page errors`,
  ).toEqual([]);
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
  /** Cookies (a session) to start with, from another context's storageState(). */
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  /** Keep the context open across the file's tests (closed with the browser), for a caller that reuses it. */
  keep?: boolean;
}

/** Options of a test file's web app. */
export interface WebAppOptions {
  /** Start a test SMTP server on loopback and let the server's outbox worker deliver to it. */
  smtp?: boolean;
  /** More options of the server (OpenID Connect, …). */
  server?: () => Promise<Omit<WebServerOptions, "smtpUrl">> | Omit<WebServerOptions, "smtpUrl">;
}

/** A test file's running web app: the server, its SMTP server if any, and a way to open pages. */
export interface WebApp {
  server(): WebServer;
  /** The SMTP server the outbox delivers to; only with `smtp: true`. */
  smtp(): TestSmtpServer;
  newPage(options?: PageOptions): Promise<TestPage>;
}

/** A "failed to load resource" console line, which Chromium writes for every 4xx answer a page asked for. */
const RESOURCE_STATUS = /Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Starts the seeded server and connects to the run's shared Chromium once per test file,
 * and gives each test its own browser context (closed after the test).
 */
export function setupWebApp(options: WebAppOptions = {}): WebApp {
  let server: WebServer | undefined;
  let smtp: TestSmtpServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // A browser flow takes seconds, more when the whole suite shares two cores. expect.poll waits for
  // a state and returns as soon as it holds; its default bound (1 s) is shorter than a loaded round trip.
  vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000, expect: { poll: { timeout: 15_000 } } });

  beforeAll(async () => {
    smtp = options.smtp ? await startTestSmtpServer() : undefined;
    const extra = (await options.server?.()) ?? {};
    [server, browser] = await Promise.all([startWebServer({ ...extra, ...(smtp ? { smtpUrl: smtp.url } : {}) }), connectBrowser()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const current = () => {
    if (!server || !browser) throw new Error("the web app is not started (beforeAll failed?)");
    return { server, browser };
  };

  return {
    server: () => current().server,
    smtp: () => {
      if (!smtp) throw new Error("this web app has no SMTP server: setupWebApp({ smtp: true })");
      return smtp;
    },
    async newPage(options = {}) {
      const { server: running, browser: connected } = current();
      const context = await connected.newContext({
        baseURL: running.url,
        viewport: options.viewport ?? DESKTOP,
        colorScheme: options.colorScheme ?? "light",
        timezoneId: VIEWER_ZONE,
        locale: "en-GB",
        ...(options.storageState ? { storageState: options.storageState } : {}),
      });
      if (!options.keep) contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const status = RESOURCE_STATUS.exec(message.text())?.[1];
        const url = message.location().url;
        // A 404 that the page turns into its "not found" view, and the 401 of GET /api/me that
        // tells a visitor from a signed-in person, are expected answers, not faults.
        if (status === "404" || (status === "401" && new URL(url, running.url).pathname === "/api/me")) return;
        errors.push(status ? `${message.text()} (${url})` : message.text());
      });
      return {
        context,
        page,
        errors,
        async open(path) {
          await page.goto(path);
          // Name the address, so a page that never shows its heading is found without a rerun.
          await page
            .locator("main h1")
            .first()
            .waitFor()
            .catch((error: unknown) => {
              throw new Error(`${path} showed no main heading`, { cause: error });
            });
          await page.waitForFunction(() => document.querySelector("p.loading") === null);
        },
      };
    },
  };
}
