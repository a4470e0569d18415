import type { SignedIn } from "../../policies/actor.ts";
import type { OrganizationBody } from "../../schemas/organization.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { insertOrganization } from "../../storage/repos/organization-repo.ts";
import type { OrganizationRow, ProgramRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireProgramAdminIn } from "../programs/require-program-admin.ts";
import { organizationSlugFor, requireFreeOrganizationSlug } from "./organization-slug.ts";

/** An organization with the program whose quota it may follow. */
export interface OrganizationOfProgram {
  program: ProgramRow;
  organization: OrganizationRow;
}

/**
 * Adds an organization to a program (its admins only), with a slug made from its name unless
 * one is given; a slug the program already has is CONFLICT naming it. Audited.
 */
export async function createOrganization(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  details: OrganizationBody;
  now: Date;
}): Promise<OrganizationOfProgram> {
  const { actor, details, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const slug = organizationSlugFor(details.name, details.slug);
    await requireFreeOrganizationSlug(db, program.id, slug);
    const organization = await insertOrganization(
      db,
      program.id,
      {
        slug,
        name: details.name,
        website: details.website ?? null,
        repositoryUrl: details.repositoryUrl ?? null,
        description: details.description || null,
        projectQuota: details.projectQuota ?? null,
      },
      now,
    );
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "organization.created",
      objectType: "organization",
      objectId: organization.id,
      changes: {
        slug: organization.slug,
        name: organization.name,
        website: organization.website,
        repositoryUrl: organization.repositoryUrl,
        description: organization.description,
        projectQuota: organization.projectQuota,
      },
      at: now,
    });
    return { program, organization };
  });
}
