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
