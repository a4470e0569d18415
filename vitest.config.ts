import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The slowest kinds of test file first, by path: browser checks of every page of an area (axe), then the other browser flows. */
const SLOW_FIRST = [/\/test\/e2e\/[^/]*(accessibility|axe)[^/]*\.test\.ts$/, /\/test\/e2e\//];

/**
 * Vitest's order (failed first, then the longest of the last run) with the browser files ahead
 * of the rest. A fresh clone has no timings, and Vitest then starts the largest files first,
 * which leaves the short browser files that take minutes to the end, for one worker alone.
 */
class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOW_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    // Array sort is stable: within a rank, Vitest's order stands.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

/** Test configuration: unit and storage suites beside the code, browser flows in test/e2e. */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // Many tests start real processes (servers, the CLI, PostgreSQL clients): on a loaded 2-core
    // machine one start can take 15 s, so a bound that only a hung test reaches.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest takes one core less than the machine has: one file at a time on a 2-core machine,
    // where most of a browser or server test's time is spent waiting on another process
    // (Chromium, PostgreSQL, a spawned server). Two files at once keep both cores busy.
    maxWorkers: 2,
    // A worker keeps its modules from one test file to the next instead of importing them all
    // again: importing took as long as the tests themselves (114 s against 50 s for the storage,
    // domain, command and route files). Tests therefore leave no global state behind: spies and
    // fake timers are restored, and module-level caches are keyed by the app or database they serve.
    isolate: false,
    sequence: { sequencer: SlowFilesFirst },
    reporters: ["default"],
  },
});
