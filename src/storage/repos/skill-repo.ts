import type { Db } from "./db.ts";

/**
 * Makes sure every tag exists in the skills table and returns tag → id. A new tag takes
 * its label from `labels` (the wording first seen), or the tag itself.
 */
export async function ensureSkills(db: Db, tags: readonly string[], labels: ReadonlyMap<string, string> = new Map()): Promise<Map<string, number>> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return new Map();
  await db
    .insertInto("skills")
    .values(unique.map((tag) => ({ tag, label: labels.get(tag) ?? tag })))
    .onConflict((conflict) => conflict.column("tag").doNothing())
    .execute();
  const rows = await db.selectFrom("skills").select(["id", "tag"]).where("tag", "in", unique).execute();
  return new Map(rows.map((row) => [row.tag, row.id]));
}
