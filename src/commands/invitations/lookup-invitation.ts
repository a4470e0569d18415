import { AppError } from "../../errors/app-error.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findOpenInvitation } from "../../storage/repos/invitation-repo.ts";
import { type InvitationSummary, summarizeInvitation } from "./describe-invitation.ts";

/** Reads an open invitation by its token, or NOT_FOUND for a used, expired or unknown one. */
export async function lookupInvitation(options: { database: DatabaseHandle; token: string; now: Date }): Promise<InvitationSummary> {
  const invitation = await findOpenInvitation(options.database.db, hashSecret(options.token), options.now);
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation is not valid any more: it was accepted already or has expired. Ask for a new one.");
  return summarizeInvitation(options.database.db, invitation);
}
