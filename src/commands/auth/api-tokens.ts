import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findApiTokenOf, insertApiToken, listApiTokens, revokeApiToken } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { ApiTokenRow, TokenScope } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";

/** A token just created: the secret, shown this once, and the stored row. */
export interface CreatedApiToken {
  token: string;
  row: ApiTokenRow;
}

/** Only a session may manage tokens: a token must not mint or revoke tokens. */
export function requireSession(actor: SignedIn): void {
  if (actor.via.type !== "session") throw new AppError("FORBIDDEN", "Manage API tokens from a signed-in browser session, not with a token.");
}

/** Creates a personal API token for its owner; the secret is returned once and stored hashed. */
export async function createApiToken(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  name: string;
  scope: TokenScope;
  now: Date;
}): Promise<CreatedApiToken> {
  requireSession(options.actor);
  const secret = newSecret("pat");
  return inTransaction(options.database, async (db) => {
    const row = await insertApiToken(db, {
      personId: options.actor.personId,
      name: options.name.trim(),
      tokenPrefix: secret.prefix,
      tokenHash: secret.hash,
      scope: options.scope,
      at: options.now,
    });
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: options.actor.personId, label: options.actor.name },
      action: "token.created",
      objectType: "api_token",
      objectId: row.id,
      changes: { name: row.name, scope: row.scope },
      at: options.now,
    });
    return { token: secret.token, row };
  });
}

/** The owner's tokens. */
export function listOwnApiTokens(options: { database: DatabaseHandle; actor: SignedIn }): Promise<ApiTokenRow[]> {
  return listApiTokens(options.database.db, options.actor.personId);
}

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
