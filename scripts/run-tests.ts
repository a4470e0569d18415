/**
 * The whole test suite, as `npm test` runs it: lint, type check, then every Vitest suite
 * (which starts its own PostgreSQL). Ends with one plain line, "N passed, N failed", that
 * counts the tests plus the lint and type checks. Extra arguments go to Vitest.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const vitestArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(title: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? "✓" : "✗"} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

for (const [title, command, args] of [
  ["lint (biome)", bin("biome"), ["check", "."]],
  ["type check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]],
] as const) {
  if (step(title, command, [...args])) passed += 1;
  else failed += 1;
}

const reportFile = path.join(root, ".tmp", "vitest-report.json");
fs.mkdirSync(path.dirname(reportFile), { recursive: true });
fs.rmSync(reportFile, { force: true });
const vitestOk = step("tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...vitestArgs]);

if (fs.existsSync(reportFile)) {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as VitestReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no failed test of its own; count it so it is not lost.
  if (!vitestOk && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites);
} else if (!vitestOk) {
  failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(failed > 0 ? 1 : 0);
