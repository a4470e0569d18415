import { slugify } from "../../domain/slug.ts";
import { AppError } from "../../errors/app-error.ts";
import { ORGANIZATION_SLUG_MAX_LENGTH } from "../../schemas/organization.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findOrganizationBySlug } from "../../storage/repos/organization-repo.ts";

/** The slug a new organization gets: the one the admin typed, else one made from its name. */
export function organizationSlugFor(name: string, typed: string | undefined): string {
  const slug = typed ?? slugify(name, ORGANIZATION_SLUG_MAX_LENGTH);
  if (slug === "") {
    const detail = "the name has no letters or digits to make a slug from; enter one, such as my-project";
    throw new AppError("INVALID_INPUT", `slug: ${detail}`, undefined, { errors: [{ field: "slug", code: "required", detail }] });
  }
  return slug;
}

/**
 * Refuses a slug another organization of the program already has, naming it, as CONFLICT on the
 * `slug` field. (Two admins racing for one slug are still stopped by the unique key.)
 */
export async function requireFreeOrganizationSlug(db: Db, programId: number, slug: string): Promise<void> {
  const holder = await findOrganizationBySlug(db, programId, slug);
  if (!holder) return;
  const detail = `${holder.name} already has the slug "${slug}"; choose another`;
  throw new AppError("CONFLICT", `The program already has an organization with the slug "${slug}" (${holder.name}); choose another slug.`, undefined, {
    errors: [{ field: "slug", code: "taken", detail }],
  });
}
