import type { InvitationScope } from "../../policies/invitation-policy.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findOrganizationById } from "../../storage/repos/organization-repo.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import { findProjectById } from "../../storage/repos/project-repo.ts";
import type { InvitationRow } from "../../storage/schema.ts";

// What the invitation commands share: the words that say where an invitation's role applies,
// in the email that carries it and on the page that accepts it.

/** What an invitation offers, for the page that accepts it. */
export interface InvitationSummary {
  role: InvitationScope["role"];
  where: string;
  email: string;
  expiresAt: string;
}

/** Where the invitation's role applies, by name: a project, an organization or the program. */
export async function describeInvitationScope(db: Db, invitation: InvitationRow): Promise<string> {
  const program = await findProgramById(db, invitation.programId);
  if (invitation.projectId !== null) {
    const project = await findProjectById(db, invitation.projectId);
    return `the project "${project?.title ?? "?"}" (${program?.name ?? "?"})`;
  }
  if (invitation.organizationId !== null) {
    const organization = await findOrganizationById(db, invitation.organizationId);
    return `${organization?.name ?? "?"} (${program?.name ?? "?"})`;
  }
  return program?.name ?? "?";
}

/** The invitation as the page that accepts it shows it. */
export async function summarizeInvitation(db: Db, invitation: InvitationRow): Promise<InvitationSummary> {
  return { role: invitation.role, where: await describeInvitationScope(db, invitation), email: invitation.email, expiresAt: invitation.expiresAt };
}
