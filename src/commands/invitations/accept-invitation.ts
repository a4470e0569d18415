import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findOpenInvitation, markInvitationAccepted } from "../../storage/repos/invitation-repo.ts";
import { addProjectMentor } from "../../storage/repos/project-repo.ts";
import { grantRole } from "../../storage/repos/role-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type InvitationSummary, summarizeInvitation } from "./describe-invitation.ts";

/**
 * Accepts an invitation for the signed-in person, whose confirmed email must be the one the
 * invitation was sent to (a forwarded link grants nothing). Grants the role, or makes the
 * person a mentor of the project.
 */
export async function acceptInvitation(options: { database: DatabaseHandle; actor: SignedIn; token: string; now: Date }): Promise<InvitationSummary> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const invitation = await findOpenInvitation(db, hashSecret(options.token), now);
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation is not valid any more: it was accepted already or has expired. Ask for a new one.");
    if (!actor.emailVerified || actor.email?.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}: sign in with that address (and confirm it) to accept it.`);
    }
    if (!(await markInvitationAccepted(db, invitation.id, actor.personId, now))) {
      throw new AppError("CONFLICT", "This invitation was accepted a moment ago.");
    }
    if (invitation.role === "mentor" && invitation.projectId !== null) {
      await addProjectMentor(db, invitation.projectId, actor.personId);
    } else if (invitation.role !== "mentor") {
      await grantRole(db, {
        personId: actor.personId,
        role: invitation.role,
        programId: invitation.programId,
        organizationId: invitation.organizationId,
        grantedBy: invitation.invitedByPersonId,
        at: now,
      });
    }
    await recordAuditEvent(db, {
      programId: invitation.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "invitation.accepted",
      objectType: "invitation",
      objectId: invitation.id,
      changes: { role: invitation.role, organizationId: invitation.organizationId, projectId: invitation.projectId },
      at: now,
    });
    return summarizeInvitation(db, invitation);
  });
}
