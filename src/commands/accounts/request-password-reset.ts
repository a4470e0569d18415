import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueNoAccountEmail, enqueuePasswordResetEmail } from "./account-emails.ts";
import { issueAccountToken, RESET_PASSWORD_TTL_MS } from "./account-tokens.ts";

/**
 * Emails a single-use reset link when the address belongs to a person, or an email saying
 * there is no account (once an hour at most) otherwise. The caller answers the same either
 * way, and both ways write an email and an audit event in one transaction,
 * so the time taken does not tell them apart either. A new link voids the older ones.
 */
export async function requestPasswordReset(options: { database: DatabaseHandle; email: string; baseUrl: string; now: Date }): Promise<void> {
  const { now } = options;
  await inTransaction(options.database, async (db) => {
    const found = await findPersonByEmail(db, options.email.trim());
    const person = found?.email ? { ...found, email: found.email } : undefined;
    if (person) {
      const issued = await issueAccountToken(db, { personId: person.id, purpose: "reset_password", ttlMs: RESET_PASSWORD_TTL_MS, at: now, voidOlder: true });
      await enqueuePasswordResetEmail(
        db,
        { personId: person.id, name: person.name, email: person.email, baseUrl: options.baseUrl, at: now },
        issued.token,
        issued.tokenId,
      );
    } else {
      // An unknown address gets an email too: its owner learns there is no account, and both
      // paths write an email and an audit event, so the time taken does not tell them apart.
      await enqueueNoAccountEmail(
        db,
        { personId: null, name: "", email: options.email.trim(), baseUrl: options.baseUrl, at: now },
        now.toISOString().slice(0, 13),
      );
    }
    // Recorded for unknown addresses too, without the address: a burst of them is worth seeing.
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: null, label: "password reset form" },
      action: "account.password_reset_requested",
      objectType: "person",
      objectId: person ? person.id : "unknown",
      changes: { known: person !== undefined },
      at: now,
    });
  });
}
