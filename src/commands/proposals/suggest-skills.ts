import type { DatabaseHandle } from "../../storage/database.ts";
import { searchSkills } from "../../storage/repos/skill-repo.ts";

/** The most suggestions one answer holds. */
export const SKILL_SUGGESTIONS_MAX = 10;

/** Existing skill tags matching what a maintainer typed, for the proposal form's tag input (public: skills are on every catalog). */
export function suggestSkills(options: { database: DatabaseHandle; query: string }): Promise<Array<{ tag: string; label: string }>> {
  return searchSkills(options.database.db, options.query, SKILL_SUGGESTIONS_MAX);
}
