import type { OrganizationRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** Creates the organization of a program, or updates its name and intro when the slug exists. */
export async function upsertOrganization(
  db: Db,
  input: { programId: number; slug: string; name: string; intro: string | null; at: Date },
): Promise<{ organization: OrganizationRow; created: boolean }> {
  const existing = await db.selectFrom("organizations").selectAll().where("programId", "=", input.programId).where("slug", "=", input.slug).executeTakeFirst();
  if (existing) {
    const organization =
      existing.name === input.name && existing.intro === input.intro
        ? existing
        : await db
            .updateTable("organizations")
            .set({ name: input.name, intro: input.intro })
            .where("id", "=", existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
    return { organization, created: false };
  }
  const organization = await db
    .insertInto("organizations")
    .values({ programId: input.programId, slug: input.slug, name: input.name, intro: input.intro, createdAt: input.at.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { organization, created: true };
}

/** The organization of a program with this slug, or undefined. */
export function findOrganizationBySlug(db: Db, programId: number, slug: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organizations").selectAll().where("programId", "=", programId).where("slug", "=", slug).executeTakeFirst();
}

/** The organization with this id, or undefined. */
export function findOrganizationById(db: Db, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A program's organizations, by name. */
export function listOrganizationsOfProgram(db: Db, programId: number): Promise<OrganizationRow[]> {
  return db.selectFrom("organizations").selectAll().where("programId", "=", programId).orderBy("name").orderBy("id").execute();
}
