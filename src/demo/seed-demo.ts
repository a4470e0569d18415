import { copyEligibilityQuestions } from "../commands/eligibility/copy-eligibility-questions.ts";
import { setProgramEligibilityQuestionsWithin } from "../commands/eligibility/replace-program-eligibility-questions.ts";
import { importTermPageWithin } from "../commands/term-pages/import-term-page.ts";
import { type DatabaseHandle, withStartupBusyTimeout } from "../storage/database.ts";
import type { Db } from "../storage/repos/db.ts";
import { findProgramBySlug, hasNoPrograms, lockTermPageImports } from "../storage/repos/program-repo.ts";
import { findTermBySlug } from "../storage/repos/term-repo.ts";
import { inTransaction } from "../storage/transaction.ts";
import { parseTermPage } from "../termpages/index.ts";
import { DEMO_ELIGIBILITY_QUESTIONS } from "./demo-eligibility-questions.ts";
import { demoTermPages } from "./demo-term-pages.ts";

/** The demo program's slug. */
export const DEMO_PROGRAM_SLUG = "demo";

/**
 * Loads the demo program (three invented terms around `now`) through the same parser and
 * import as real term pages. Does nothing when the database already holds a program, so a
 * real installation is never touched. Returns the slugs of the terms it created.
 *
 * Servers started together on an empty database all call this: the check and the load are one
 * transaction that holds the import lock, so the others wait for the first (however long it
 * takes) and then find its program.
 */
export async function seedDemoIfEmpty(database: DatabaseHandle, now: Date): Promise<string[]> {
  if (!(await hasNoPrograms(database.db))) return [];
  const pages = demoTermPages(now).map((page) => ({ slug: page.slug, parsed: parseTermPage(page.markdown, { fileName: `${page.slug}.md`, now }) }));
  const load = () =>
    inTransaction(database, async (db) => {
      await lockTermPageImports(db);
      if (!(await hasNoPrograms(db))) return [];
      const slugs: string[] = [];
      for (const page of pages) {
        const result = await importTermPageWithin(db, {
          page: page.parsed,
          programSlug: DEMO_PROGRAM_SLUG,
          programName: "Cohort Demo Mentorship",
          termSlug: page.slug,
          projectState: "accepted",
          actor: { personId: null, label: "demo data" },
          now,
        });
        slugs.push(result.term.slug);
      }
      await askDemoEligibilityQuestions(db, slugs, now);
      return slugs;
    });
  return withStartupBusyTimeout(database.db, load);
}

/** Gives the demo program its eligibility questions, and each demo term (made before the program had any) its copy. */
async function askDemoEligibilityQuestions(db: Db, termSlugs: readonly string[], now: Date): Promise<void> {
  const program = await findProgramBySlug(db, DEMO_PROGRAM_SLUG);
  if (!program) return;
  await setProgramEligibilityQuestionsWithin(db, { program, actor: { personId: null, label: "demo data" }, questions: DEMO_ELIGIBILITY_QUESTIONS, now });
  for (const slug of termSlugs) {
    const term = await findTermBySlug(db, slug);
    if (term) await copyEligibilityQuestions(db, { programId: program.id, termId: term.id });
  }
}
