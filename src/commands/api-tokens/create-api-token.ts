import type { SignedIn } from "../../policies/actor.ts";
import { newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { insertApiToken } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { ApiTokenRow, TokenScope } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireSession } from "./require-session.ts";

/** A token just created: the secret, shown this once, and the stored row. */
export interface CreatedApiToken {
  token: string;
  row: ApiTokenRow;
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
