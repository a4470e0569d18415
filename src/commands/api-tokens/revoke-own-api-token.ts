import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findApiTokenOf, revokeApiToken } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireSession } from "./require-session.ts";

/** Revokes one of the owner's tokens; another person's token is NOT_FOUND. */
export async function revokeOwnApiToken(options: { database: DatabaseHandle; actor: SignedIn; tokenId: number; now: Date }): Promise<void> {
  requireSession(options.actor);
  await inTransaction(options.database, async (db) => {
    const token = await findApiTokenOf(db, options.actor.personId, options.tokenId);
    if (!token) throw new AppError("NOT_FOUND", `You have no API token ${options.tokenId}.`);
    await revokeApiToken(db, token.id, options.now);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: options.actor.personId, label: options.actor.name },
      action: "token.revoked",
      objectType: "api_token",
      objectId: token.id,
      changes: { name: token.name },
      at: options.now,
    });
  });
}
