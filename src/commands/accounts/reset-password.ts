import { AppError } from "../../errors/app-error.ts";
import { hashPassword } from "../../security/passwords.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { consumeAccountToken, findPersonById, updatePerson, voidAccountTokens } from "../../storage/repos/account-repo.ts";
import { revokeApiTokensOf } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSessionsOf } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";

/**
 * Sets a new password with the token from the reset email. A reset is proof of a new owner:
 * in the same transaction every session of the person ends and every API token is revoked
 * (whoever knew the old password, or held a token, is out), and older emailed links stop
 * working. Following the link proves the mailbox, so the address counts as confirmed.
 */
export async function resetPassword(options: { database: DatabaseHandle; token: string; password: string; now: Date }): Promise<void> {
  const { now } = options;
  const passwordHash = await hashPassword(options.password);
  await inTransaction(options.database, async (db) => {
    const personId = await consumeAccountToken(db, { tokenHash: hashSecret(options.token), purpose: "reset_password", at: now });
    const person = personId === undefined ? undefined : await findPersonById(db, personId);
    if (!person) {
      throw new AppError(
        "INVALID_INPUT",
        "This reset link is not valid any more: it was used already, replaced by a newer one, or has expired. Ask for a new one.",
      );
    }
    await updatePerson(db, person.id, { passwordHash, emailVerifiedAt: person.emailVerifiedAt ?? now.toISOString() }, now);
    const sessionsEnded = await deleteSessionsOf(db, person.id);
    const tokensRevoked = await revokeApiTokensOf(db, person.id, now);
    // Links mailed before belong to the account's past: none of them may act after the reset.
    await voidAccountTokens(db, person.id, "reset_password", now);
    await voidAccountTokens(db, person.id, "verify_email", now);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name },
      action: "account.password_reset",
      objectType: "person",
      objectId: person.id,
      changes: { sessionsEnded, tokensRevoked },
      at: now,
    });
  });
}
