import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countActiveApiTokensOf, revokeApiTokensOf } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSession, deleteSessionsOf } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireSession } from "./api-tokens.ts";

/** Ends the session the request came with. */
export async function signOut(options: { database: DatabaseHandle; actor: SignedIn; sessionHash: string; now: Date }): Promise<void> {
  await inTransaction(options.database, async (db) => {
    await deleteSession(db, options.sessionHash);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: options.actor.personId, label: options.actor.name },
      action: "account.signed_out",
      objectType: "person",
      objectId: options.actor.personId,
      changes: {},
      at: options.now,
    });
  });
}

/** What signing out everywhere ended: sessions, and API tokens revoked or left working. */
export interface SignedOutEverywhere {
  sessionsEnded: number;
  tokensRevoked: number;
  /** Tokens that still work because the person chose to keep them. */
  tokensKept: number;
}

/**
 * Ends every session of the person, on every device, and revokes every API token too when
 * asked. Only a browser session may revoke tokens: a token must not revoke tokens.
 */
export async function signOutEverywhere(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  revokeTokens: boolean;
  now: Date;
}): Promise<SignedOutEverywhere> {
  const { actor, now } = options;
  if (options.revokeTokens) requireSession(actor);
  return inTransaction(options.database, async (db) => {
    const sessionsEnded = await deleteSessionsOf(db, actor.personId);
    const tokensRevoked = options.revokeTokens ? await revokeApiTokensOf(db, actor.personId, now) : 0;
    const tokensKept = options.revokeTokens ? 0 : await countActiveApiTokensOf(db, actor.personId);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: actor.personId, label: actor.name },
      action: "account.signed_out_everywhere",
      objectType: "person",
      objectId: actor.personId,
      changes: { sessions: sessionsEnded, tokensRevoked },
      at: now,
    });
    return { sessionsEnded, tokensRevoked, tokensKept };
  });
}
