import { readSkills } from "../../termpages/skills.ts";
import type { MigrationDb } from "./column-types.ts";

// Rows per insert, well under either engine's limit on bound parameters.
const CHUNK = 200;

/**
 * Reads every project's skills again from its skills text, against the skill vocabulary: tags
 * imported before it were split wrongly ("spf13" and "cobra"), spelt wrongly ("Coredns") or were
 * phrases that are no skill ("passion for DevEx"). Labels of tags already stored take the
 * vocabulary's spelling, and every term's revision moves on so that no cached catalog survives.
 */
export async function up(db: MigrationDb): Promise<void> {
  const projects = await db.selectFrom("projects").select(["id", "skills_text as text"]).execute();
  const skillsOf = new Map(projects.map((project) => [Number(project.id), readSkills(String(project.text)).filter((skill) => skill.isSkill)]));
  const labels = new Map([...skillsOf.values()].flat().map((skill) => [skill.tag, skill.label]));
  const rows = [...labels].map(([tag, label]) => ({ tag, label }));
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto("skills")
      .values(rows.slice(start, start + CHUNK))
      .onConflict((conflict) => conflict.column("tag").doUpdateSet((eb) => ({ label: eb.ref("excluded.label") })))
      .execute();
  }
  const ids = new Map<string, number>();
  for (const row of await db.selectFrom("skills").select(["id", "tag"]).execute()) ids.set(String(row.tag), Number(row.id));
  for (const [projectId, skills] of skillsOf) {
    await db.deleteFrom("project_skills").where("project_id", "=", projectId).execute();
    const values = skills.flatMap((skill, index) => {
      const skillId = ids.get(skill.tag);
      return skillId === undefined ? [] : [{ project_id: projectId, skill_id: skillId, position: index + 1, original_text: skill.tag }];
    });
    if (values.length > 0) await db.insertInto("project_skills").values(values).execute();
  }
  await db
    .updateTable("terms")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .execute();
}

/** Nothing to undo: the skills read before cannot be told apart from those read here. */
export async function down(_db: MigrationDb): Promise<void> {}
