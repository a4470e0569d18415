import type { OrganizationRow } from "../schema.ts";
import type { Db } from "./db.ts";

/**
 * Creates the organization of a program, or updates its name and intro when the slug exists; a
 * new name moves on the revision of every term with a project of it, whose catalogs show it.
 */
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
    // Every term with its projects shows the name, not only the term being imported.
    if (organization.name !== existing.name) await moveTermsOfOrganizationOn(db, existing.id);
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

/** The details of an organization its program's admins set. */
export type OrganizationDetails = Pick<OrganizationRow, "slug" | "name" | "website" | "repositoryUrl" | "description" | "projectQuota">;

/** Creates an organization of a program; a slug the program already has is CONFLICT (the driver's unique key). */
export function insertOrganization(db: Db, programId: number, details: OrganizationDetails, at: Date): Promise<OrganizationRow> {
  return db
    .insertInto("organizations")
    .values({ ...details, programId, intro: null, createdAt: at.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes an organization's details. */
export function updateOrganization(db: Db, organizationId: number, details: Partial<OrganizationDetails>): Promise<OrganizationRow> {
  return db.updateTable("organizations").set(details).where("id", "=", organizationId).returningAll().executeTakeFirstOrThrow();
}

/**
 * Moves the revision of every term with a project of the organization on, for a change their
 * cached catalogs show (its name and slug), so no cached answer of the old one is served again.
 */
export async function moveTermsOfOrganizationOn(db: Db, organizationId: number): Promise<void> {
  await db
    .updateTable("terms")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("id", "in", (eb) => eb.selectFrom("projects").select("termId").where("organizationId", "=", organizationId))
    .execute();
}
