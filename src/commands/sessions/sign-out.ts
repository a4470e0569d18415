import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSession } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";

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
