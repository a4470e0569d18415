import { sql } from "kysely";
import { skillLabel } from "../../domain/canonical-skill.ts";
import type { Db } from "./db.ts";

/**
 * Makes sure every tag exists in the skills table and returns tag → id. Each tag takes its
 * label from `labels` (the vocabulary's spelling, or the words as written), else the
 * vocabulary's spelling of the tag; an existing tag takes the new label, so importing a page
 * again corrects a label that an older vocabulary spelt wrong ("Coredns" → "CoreDNS").
 */
export async function ensureSkills(db: Db, tags: readonly string[], labels: ReadonlyMap<string, string> = new Map()): Promise<Map<string, number>> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return new Map();
  await db
    .insertInto("skills")
    .values(unique.map((tag) => ({ tag, label: labels.get(tag) ?? skillLabel(tag) })))
    .onConflict((conflict) =>
      conflict
        .column("tag")
        .doUpdateSet((eb) => ({ label: eb.ref("excluded.label") }))
        // Rewriting an unchanged label would lock and rewrite the row for nothing.
        .where((eb) => eb("skills.label", "<>", eb.ref("excluded.label"))),
    )
    .execute();
  const rows = await db.selectFrom("skills").select(["id", "tag"]).where("tag", "in", unique).execute();
  return new Map(rows.map((row) => [row.tag, row.id]));
}

/**
 * Skill tags whose tag or label contains `query` (case-insensitive), those that start with it
 * first, then by label; at most `limit`. For the tag input of the proposal form.
 */
export async function searchSkills(db: Db, query: string, limit: number): Promise<Array<{ tag: string; label: string }>> {
  const words = query.trim().toLowerCase();
  if (words === "") return [];
  // LIKE's wildcards in what a person typed are meant literally.
  const escaped = words.replace(/[\\%_]/g, (char) => `\\${char}`);
  const contains = `%${escaped}%`;
  const prefix = `${escaped}%`;
  return db
    .selectFrom("skills")
    .select(["tag", "label"])
    .where((eb) => eb.or([eb(sql`lower(tag)`, "like", sql`${contains} escape '\\'`), eb(sql`lower(label)`, "like", sql`${contains} escape '\\'`)]))
    .orderBy(sql`case when lower(label) like ${prefix} escape '\\' or lower(tag) like ${prefix} escape '\\' then 0 else 1 end`)
    .orderBy(sql`lower(label)`)
    .orderBy("tag")
    .limit(limit)
    .execute();
}
