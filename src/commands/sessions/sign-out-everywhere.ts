import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countActiveApiTokensOf, revokeApiTokensOf } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSessionsOf } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireSession } from "../api-tokens/require-session.ts";

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
