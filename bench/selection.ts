/**
 * `npm run bench:selection`: selection of a GSoC-sized term. 44,000 applicants apply to 3 of
 * 2,000 projects each (popular projects drawing more), 1,220 slots are spread over the projects,
 * and every project ranks every application it received: the solver's worst case, with all
 * 132,000 applications in play. Seeded, so every run solves the same term.
 *
 * 1. The solver alone, several runs, against a baseline measured in the same run: one sort of the
 *    same applications by project and preference, the least any selection has to do.
 * 2. The selection command on SQLite, on a database file on disk: load the term's applications,
 *    rankings and overrides, solve, and store the proposal with its audit event.
 *
 * Targets (issue 13): the solver's median under 1 second, the command under 10 seconds. The last
 * line reads `selection: solve median <ms> ms, command <s> s`.
 *
 * Usage: npm run bench:selection [-- --applicants N] [--projects N] [--slots N] [--runs N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSelection } from "../src/commands/selection/run-selection.ts";
import { type SelectionApplication, type SelectionInput, solveSelection } from "../src/domain/selection.ts";
import { openDatabase } from "../src/storage/database.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { SURGE_TERM, seedSurge } from "../test/helpers/surge-fixture.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} takes a positive whole number.`);
    process.exit(2);
  }
  return value;
};
const applicantCount = option("--applicants", 44_000);
const projectCount = option("--projects", 2_000);
const slotCount = option("--slots", 1_220);
const runs = option("--runs", 7);
const APPLICATIONS_EACH = Math.min(3, projectCount);
const TMPFS_MAGIC = 0x01021994;

/** A small seeded generator (mulberry32), so every run draws the same term. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The drawn term, by index: each project's slots, each application's applicant and project, each project's ranking. */
interface DrawnTerm {
  slots: number[];
  /** Applications in order of submission: applicant index and project index. */
  applications: Array<{ applicant: number; project: number }>;
  /** Per project, its applications (indexes into `applications`), best first. */
  rankings: number[][];
}

function drawTerm(): DrawnTerm {
  const next = random(2024);
  const slots = Array.from({ length: projectCount }, () => 0);
  for (let n = 0; n < slotCount; n += 1) {
    const project = Math.floor(next() * projectCount);
    slots[project] = (slots[project] ?? 0) + 1;
  }
  const applications: DrawnTerm["applications"] = [];
  const rankings: number[][] = Array.from({ length: projectCount }, () => []);
  for (let applicant = 0; applicant < applicantCount; applicant += 1) {
    const chosen = new Set<number>();
    // Squaring skews the draw towards the first projects, as applicants crowd the popular ones.
    while (chosen.size < APPLICATIONS_EACH) chosen.add(Math.floor(next() ** 2 * projectCount));
    for (const project of chosen) {
      rankings[project]?.push(applications.length);
      applications.push({ applicant, project });
    }
  }
  for (const ranking of rankings) {
    for (let i = ranking.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [ranking[i], ranking[j]] = [ranking[j] as number, ranking[i] as number];
    }
  }
  return { slots, applications, rankings };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** The solver on the drawn term, several times, against one sort of the same applications. */
function benchSolver(term: DrawnTerm): number {
  const applications: SelectionApplication[] = term.applications.map((item, id) => ({
    id: id + 1,
    applicantId: item.applicant + 1,
    projectId: item.project + 1,
    preference: id,
  }));
  const input: SelectionInput = {
    projects: term.slots.map((slots, project) => ({ id: project + 1, slots, ranking: (term.rankings[project] ?? []).map((index) => index + 1) })),
    applications,
  };
  const solves: number[] = [];
  const sorts: number[] = [];
  let matched = 0;
  for (let run = 0; run < runs; run += 1) {
    sorts.push(timed(() => [...applications].sort((a, b) => a.projectId - b.projectId || a.preference - b.preference || a.id - b.id)));
    solves.push(
      timed(() => {
        matched = solveSelection(input).assignments.length;
      }),
    );
  }
  const solve = median(solves);
  const sort = median(sorts);
  console.log(
    `${applicantCount} applicants, ${applications.length} applications, ${projectCount} projects, ${slotCount} slots; every application ranked; ${matched} mentorships`,
  );
  console.log(`baseline: one sort of the applications   median ${sort.toFixed(1).padStart(8)} ms`);
  console.log(
    `solver (${runs} runs)                       median ${solve.toFixed(1).padStart(8)} ms   ${(solve / sort).toFixed(1)}× the sort   (target < 1000 ms)`,
  );
  return solve;
}

/** Seeds the drawn term into a SQLite file on disk and times the selection command on it. */
async function benchCommand(term: DrawnTerm): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-selection-"));
  try {
    if (fs.statfsSync(dir).type === TMPFS_MAGIC) throw new Error(`${os.tmpdir()} is a tmpfs; set TMPDIR to a folder on a real disk.`);
    const database = await openDatabase(`sqlite:${path.join(dir, "cohort.db")}`);
    try {
      await migrateToLatest(database.db);
      const seeding = performance.now();
      const now = new Date();
      // A term page holds at most a few hundred projects: the term is imported with 100 and the rest are copies of its first.
      const fixture = await seedSurge(database, { applicants: applicantCount, projects: Math.min(100, projectCount), now });
      await database.db.transaction().execute(async (trx) => {
        const { id: _id, ...first } = await trx.selectFrom("projects").selectAll().where("termId", "=", fixture.termId).orderBy("id").executeTakeFirstOrThrow();
        const copies = Array.from({ length: projectCount - Math.min(100, projectCount) }, (_, n) => ({
          ...first,
          slug: `copy-${n + 1}`,
          title: `Copy ${n + 1}`,
        }));
        for (let from = 0; from < copies.length; from += 100)
          await trx
            .insertInto("projects")
            .values(copies.slice(from, from + 100))
            .execute();
      });
      const projects = await database.db.selectFrom("projects").select("id").where("termId", "=", fixture.termId).orderBy("id").execute();
      await database.db.transaction().execute(async (trx) => {
        for (const [index, project] of projects.entries()) {
          await trx
            .updateTable("projects")
            .set({ slots: term.slots[index] ?? 0 })
            .where("id", "=", project.id)
            .execute();
        }
        const rankOf = new Map<number, number>();
        for (const ranking of term.rankings) {
          for (const [place, application] of ranking.entries()) rankOf.set(application, place + 1);
        }
        const stamp = (index: number) => new Date(now.getTime() + index).toISOString();
        for (let from = 0; from < term.applications.length; from += 500) {
          await trx
            .insertInto("applications")
            .values(
              term.applications.slice(from, from + 500).map((item, offset) => ({
                termId: fixture.termId,
                projectId: (projects[item.project] as { id: number }).id,
                personId: (fixture.applicants[item.applicant] as { personId: number }).personId,
                state: "submitted" as const,
                createdAt: stamp(from + offset),
                updatedAt: stamp(from + offset),
                submittedAt: stamp(from + offset),
                reviewMark: "shortlisted" as const,
                shortlistRank: rankOf.get(from + offset) ?? null,
              })),
            )
            .execute();
        }
      });
      console.log(`SQLite: seeded the term in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
      const started = performance.now();
      const outcome = await runSelection({ database, actor: { kind: "system", label: "bench:selection" }, termSlug: SURGE_TERM.term, now });
      const seconds = (performance.now() - started) / 1000;
      const stored = await database.db
        .selectFrom("selectionAssignments")
        .select((eb) => eb.fn.countAll<number>().as("rows"))
        .where("runId", "=", outcome.runId)
        .executeTakeFirstOrThrow();
      console.log(
        `selection command on SQLite (load, solve, store)   ${seconds.toFixed(2).padStart(6)} s   ${Number(stored.rows)} mentorships stored   (target < 10 s)`,
      );
      return seconds;
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const term = drawTerm();
const solve = benchSolver(term);
const command = await benchCommand(term);
console.log(`selection: solve median ${solve.toFixed(0)} ms, command ${command.toFixed(1)} s`);
