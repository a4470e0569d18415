import type { TestProject } from "vitest/node";
import { startTemporaryPostgres } from "./helpers/postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server of this run, or "" when PostgreSQL is off. */
    pgUrl: string;
  }
}

/**
 * Starts the slow shared parts once per test run: one PostgreSQL server (unless
 * COHORT_TEST_PG_URL names one, or COHORT_TEST_PG=off skips PostgreSQL for a quick loop).
 * The returned teardown stops it, also when tests fail.
 */
export default async function setup(project: TestProject): Promise<() => void> {
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
