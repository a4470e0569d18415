import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { exportTermPage } from "../term-pages/export-term-page.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";

/** A term's page as a file to download: its name and its Markdown. */
export interface ExportedTermPage {
  fileName: string;
  markdown: string;
}

/**
 * The canonical Markdown page of a term's accepted projects with its timeline, for its program's
 * admins to keep publishing the page the program has always published (a draft term too).
 */
export async function exportAcceptedTermPage(options: { database: DatabaseHandle; actor: Actor; termSlug: string }): Promise<ExportedTermPage> {
  const { term } = await requireTermAdmin(options.database.db, options.actor, options.termSlug);
  const markdown = await exportTermPage({ database: options.database, termSlug: term.slug, states: ["accepted"] });
  return { fileName: `${term.slug}.md`, markdown };
}
