import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { OrganizationUpdateBody } from "../../schemas/organization.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findOrganizationBySlug, moveTermsOfOrganizationOn, updateOrganization as updateOrganizationRow } from "../../storage/repos/organization-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { requireProgramAdminIn } from "../programs/require-program-admin.ts";
import type { OrganizationOfProgram } from "./create-organization.ts";
import { requireFreeOrganizationSlug } from "./organization-slug.ts";

/**
 * Changes an organization's details (its program's admins only) in one transaction with its
 * audit event, which holds each changed field before and after. A new slug another organization
 * holds is CONFLICT naming it; a new name or slug moves on the revision of every term with a
 * project of the organization, whose catalogs show both.
 */
export async function updateOrganization(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  organizationSlug: string;
  changes: OrganizationUpdateBody;
  now: Date;
}): Promise<OrganizationOfProgram> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const organization = await findOrganizationBySlug(db, program.id, options.organizationSlug);
    if (!organization) throw new AppError("NOT_FOUND", `${program.name} has no organization "${options.organizationSlug}".`);
    // An empty description is no description.
    const requested = options.changes.description === "" ? { ...options.changes, description: null } : options.changes;
    const { values, audit } = changedFields(organization, requested);
    if (Object.keys(values).length === 0) return { program, organization };
    if (values.slug !== undefined) await requireFreeOrganizationSlug(db, program.id, values.slug);
    const updated = await updateOrganizationRow(db, organization.id, values);
    if (values.name !== undefined || values.slug !== undefined) await moveTermsOfOrganizationOn(db, organization.id);
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "organization.updated",
      objectType: "organization",
      objectId: organization.id,
      changes: audit,
      at: now,
    });
    return { program, organization: updated };
  });
}
