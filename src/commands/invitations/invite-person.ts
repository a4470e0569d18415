import { AppError } from "../../errors/app-error.ts";
import { invitationMessage } from "../../notifications/invitation.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canInvite, type InvitationScope } from "../../policies/invitation-policy.ts";
import { newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findInvitationWithScope, insertInvitation, invitationEmailKey } from "../../storage/repos/invitation-repo.ts";
import { findOrganizationBySlug } from "../../storage/repos/organization-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { findProjectInProgram } from "../../storage/repos/project-repo.ts";
import type { InvitationWithScope } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { describeInvitationScope } from "./describe-invitation.ts";

/** How long an invitation can be accepted. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The roles an invitation can offer. */
export type InvitedRole = InvitationScope["role"];

/** Options of invitePerson. */
export interface InvitePersonOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  email: string;
  role: InvitedRole;
  organizationSlug?: string | undefined;
  projectSlug?: string | undefined;
  baseUrl: string;
  now: Date;
}

/**
 * Invites someone by email to a role: an admin invites admins and maintainers of the
 * program, a maintainer invites mentors to their organization's projects. The email holds a
 * single-use link; accepting it grants the role to the account with that address.
 */
export async function invitePerson(options: InvitePersonOptions): Promise<InvitationWithScope> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const scope = await resolveScope(db, options);
    if (!canInvite(actor, scope)) {
      throw new AppError(
        "FORBIDDEN",
        scope.role === "mentor"
          ? "Only the program's admins and the organization's maintainers may invite mentors."
          : "Only the program's admins may invite admins and maintainers.",
      );
    }
    const secret = newSecret("invite");
    const invitation = await insertInvitation(db, {
      email: options.email.trim(),
      role: scope.role,
      programId: scope.programId,
      organizationId: "organizationId" in scope ? scope.organizationId : null,
      projectId: "projectId" in scope ? scope.projectId : null,
      invitedByPersonId: actor.personId,
      tokenHash: secret.hash,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    });
    const where = await describeInvitationScope(db, invitation);
    const message = invitationMessage({
      baseUrl: options.baseUrl,
      inviterName: actor.name,
      role: scope.role,
      where,
      email: invitation.email,
      token: secret.token,
    });
    await enqueueNotification(db, {
      dedupeKey: invitationEmailKey(invitation.id),
      recipientEmail: invitation.email,
      programId: scope.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: now,
    });
    await recordAuditEvent(db, {
      programId: scope.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "invitation.created",
      objectType: "invitation",
      objectId: invitation.id,
      changes: { email: invitation.email, role: invitation.role, organizationId: invitation.organizationId, projectId: invitation.projectId },
      at: now,
    });
    // Read back as the list shows it: its scope by name and its email, queued and not sent yet.
    const listed = await findInvitationWithScope(db, invitation.id);
    if (!listed) throw new AppError("INTERNAL", "The invitation just stored could not be read back.");
    return listed;
  });
}

async function resolveScope(db: Db, options: InvitePersonOptions): Promise<InvitationScope> {
  const program = await findProgramBySlug(db, options.programSlug);
  if (!program) throw new AppError("NOT_FOUND", `There is no program "${options.programSlug}".`);
  if (options.role === "program_admin") return { role: "program_admin", programId: program.id };
  if (options.role === "maintainer") {
    if (!options.organizationSlug) throw missingField("organization", "name the organization the maintainer will maintain.");
    const organization = await findOrganizationBySlug(db, program.id, options.organizationSlug);
    if (!organization) throw new AppError("NOT_FOUND", `The program has no organization "${options.organizationSlug}".`);
    return { role: "maintainer", programId: program.id, organizationId: organization.id };
  }
  if (!options.projectSlug) throw missingField("project", "name the project the mentor will mentor.");
  const project = await findProjectInProgram(db, options.projectSlug);
  if (!project || project.programId !== program.id) throw new AppError("NOT_FOUND", `The program has no project "${options.projectSlug}".`);
  return { role: "mentor", programId: program.id, organizationId: project.organizationId, projectId: project.id };
}

/** A refusal that names the one body field the invitation is missing, in words and in `errors`. */
function missingField(field: string, detail: string): AppError {
  return new AppError("INVALID_INPUT", `body.${field}: ${detail}`, undefined, { errors: [{ field, code: "required", detail }] });
}
