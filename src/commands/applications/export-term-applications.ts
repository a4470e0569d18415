import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { searchTermApplications } from "../../storage/repos/application-board-repo.ts";
import type { TermApplicationRow, TermRow } from "../../storage/schema.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { type TermApplicationsQuery, termApplicationFilter } from "./list-term-applications.ts";

/**
 * Every application of a term matching the admins' filters (the same as their list's, without
 * pages), for the CSV export; its program's admins only.
 */
export async function exportTermApplications(options: {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  query: TermApplicationsQuery;
}): Promise<{ term: TermRow; rows: TermApplicationRow[] }> {
  const db = options.database.db;
  const { term } = await requireTermAdmin(db, options.actor, options.termSlug);
  const { rows } = await searchTermApplications(db, termApplicationFilter(term, options.query), null);
  return { term, rows };
}
