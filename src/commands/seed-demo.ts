import type { DatabaseHandle } from "../storage/database.ts";
import { hasNoPrograms } from "../storage/repos/program-repo.ts";
import { parseTermPage } from "../termpages/index.ts";
import { demoTermPages } from "./demo-term-pages.ts";
import { importTermPage } from "./import-term-page.ts";

/** The demo program's slug. */
export const DEMO_PROGRAM_SLUG = "demo";

/**
 * Loads the demo program (three invented terms around `now`) through the same parser and
 * import as real term pages. Does nothing when the database already holds a program, so a
 * real installation is never touched. Returns the slugs of the terms it created.
 */
export async function seedDemoIfEmpty(database: DatabaseHandle, now: Date): Promise<string[]> {
  if (!(await hasNoPrograms(database.db))) return [];
  const slugs: string[] = [];
  for (const page of demoTermPages(now)) {
    const parsed = parseTermPage(page.markdown, { fileName: `${page.slug}.md`, now });
    const result = await importTermPage({
      database,
      page: parsed,
      programSlug: DEMO_PROGRAM_SLUG,
      programName: "Cohort Demo Mentorship",
      termSlug: page.slug,
      projectState: "accepted",
      actor: { personId: null, label: "demo data" },
      now,
    });
    slugs.push(result.term.slug);
  }
  return slugs;
}
