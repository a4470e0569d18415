import type { TestProject } from "vitest/node";
import { startSharedBrowser } from "./helpers/browser.ts";
import { startTemporaryPostgres } from "./helpers/postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server of this run, or "" when PostgreSQL is off. */
    pgUrl: string;
    /** WebSocket endpoint of the run's shared Chromium, or "" when browser tests are off. */
    browserWsEndpoint: string;
  }
}

async function startPostgres(project: TestProject): Promise<() => void> {
  if (process.env.COHORT_TEST_PG === "off") {
    project.provide("pgUrl", "");
    return () => undefined;
  }
  if (process.env.COHORT_TEST_PG_URL) {
    project.provide("pgUrl", process.env.COHORT_TEST_PG_URL);
    return () => undefined;
  }
  const server = await startTemporaryPostgres();
  project.provide("pgUrl", server.url);
  return () => server.stop();
}

async function startBrowser(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.COHORT_TEST_BROWSER === "off") {
    project.provide("browserWsEndpoint", "");
    return async () => undefined;
  }
  const browser = await startSharedBrowser();
  project.provide("browserWsEndpoint", browser.wsEndpoint);
  return () => browser.stop();
}

/**
 * Starts the slow shared parts once per test run: one PostgreSQL server (unless
 * COHORT_TEST_PG_URL names one, or COHORT_TEST_PG=off skips PostgreSQL for a quick loop)
 * and one headless Chromium for the browser tests (COHORT_TEST_BROWSER=off skips it).
 * The returned teardown stops both, also when tests fail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stopPostgres = await startPostgres(project);
  let stopBrowser: () => Promise<void>;
  try {
    stopBrowser = await startBrowser(project);
  } catch (error) {
    stopPostgres();
    throw error;
  }
  return async () => {
    try {
      await stopBrowser();
    } finally {
      stopPostgres();
    }
  };
}
