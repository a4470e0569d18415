import { defineConfig } from "vitest/config";

/** Test configuration: unit and storage suites beside the code, browser flows in test/e2e. */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bin/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
