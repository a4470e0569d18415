/**
 * Benchmark of the term-page library: parse + lint every page of the corpus, against the bare
 * Markdown parse of the same files (unified + remark-parse + remark-gfm). Cohort's whole work
 * should stay within 1.5× the bare parse.
 *
 * Usage: tsx bench/termpages.ts [corpus-dir] [--rounds N]
 * The corpus defaults to ../shared/corpus beside the repository. Both wall-clock and CPU time are
 * printed: on a busy machine CPU time is the steadier measure of the work itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseTermPage } from "../src/termpages/index.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const roundsFlag = args.indexOf("--rounds");
const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 7;
const positional = args.filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--rounds");
const corpus = path.resolve(positional[0] ?? path.join(root, "..", "shared", "corpus"));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return markdownFiles(full);
      return name.endsWith(".md") && name !== "NOTICE.md" ? [full] : [];
    });
}

let files: string[];
try {
  files = markdownFiles(corpus);
} catch {
  process.stderr.write(`No corpus at ${corpus}; pass its directory as the first argument.\n`);
  process.exit(1);
}
const pages = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.text), 0);
const now = new Date();

// The bare parse the issue names; frozen once, as the library's own processor is.
const bare = unified().use(remarkParse).use(remarkGfm).freeze();
let sink = 0;

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

interface Round {
  bareWall: number;
  bareCpu: number;
  cohortWall: number;
  cohortCpu: number;
}

/** One round over the corpus, file by file, alternating the two sides so load spikes hit both alike. */
function round(): Round {
  const totals: Round = { bareWall: 0, bareCpu: 0, cohortWall: 0, cohortCpu: 0 };
  for (const page of pages) {
    let wall = performance.now();
    let cpu = cpuNow();
    sink += bare.parse(page.text).children.length;
    totals.bareWall += performance.now() - wall;
    totals.bareCpu += cpuNow() - cpu;
    wall = performance.now();
    cpu = cpuNow();
    try {
      sink += parseTermPage(page.text, { fileName: page.file, now }).findings.length;
    } catch {
      sink += 1;
    }
    totals.cohortWall += performance.now() - wall;
    totals.cohortCpu += cpuNow() - cpu;
  }
  return totals;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// Warm-up: let the JIT compile both paths before anything is measured.
for (let i = 0; i < 2; i += 1) round();
const results = Array.from({ length: rounds }, round);
const pick = (key: keyof Round) => median(results.map((result) => result[key]));
const format = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
const wallRatio = pick("cohortWall") / pick("bareWall");
const cpuRatio = pick("cohortCpu") / pick("bareCpu");
process.stdout.write(
  [
    `corpus: ${corpus}`,
    `files: ${pages.length}, ${(bytes / 1024).toFixed(0)} KiB; median of ${rounds} rounds after 2 warm-up rounds`,
    "                          wall clock    CPU time",
    `bare remark parse:      ${format(pick("bareWall"))}  ${format(pick("bareCpu"))}`,
    `cohort parse + lint:    ${format(pick("cohortWall"))}  ${format(pick("cohortCpu"))}`,
    `ratio cohort / bare:    ${`${wallRatio.toFixed(2)}×`.padStart(10)}  ${`${cpuRatio.toFixed(2)}×`.padStart(10)}   (target ≤ 1.50×)`,
    `checksum ${sink % 997}`,
    "",
  ].join("\n"),
);
