import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { type Browser, type BrowserServer, chromium } from "playwright-core";
import { inject } from "vitest";

/** Debian's Chromium, which the browser tests drive through Playwright. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A Chromium the test run started once, reachable over its WebSocket endpoint. */
export interface SharedBrowser {
  wsEndpoint: string;
  stop(): Promise<void>;
}

function installChromium(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\`, or set COHORT_TEST_BROWSER=off to skip browser tests`,
    );
  }
  process.stderr.write("Installing Chromium with apt-get (once per machine)...\n");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} was not found`);
}

/**
 * Launches one headless Chromium server for the whole test run (installed with apt-get
 * when missing); test files connect to it instead of each starting their own.
 */
export async function startSharedBrowser(): Promise<SharedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) installChromium();
  const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  return { wsEndpoint: server.wsEndpoint(), stop: () => server.close() };
}

/** Connects a test file to the run's shared Chromium; close the returned browser in afterAll. */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = inject("browserWsEndpoint");
  if (!endpoint) throw new Error("No shared browser in this run (COHORT_TEST_BROWSER=off?)");
  return chromium.connect(endpoint);
}
