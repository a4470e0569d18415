import { defineConfig } from "vitest/config";

/** Test configuration: unit and storage suites beside the code, browser flows in test/e2e. */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest takes one core less than the machine has: one file at a time on a 2-core machine,
    // where most of a browser or server test's time is spent waiting on another process
    // (Chromium, PostgreSQL, a spawned server). Two files at once keep both cores busy.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
