import { AppError } from "../../errors/app-error.ts";
import { hashPassword } from "../../security/passwords.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { consumeAccountToken, findPersonByEmail, findPersonById, updatePerson, voidAccountTokens } from "../../storage/repos/account-repo.ts";
import { revokeApiTokensOf } from "../../storage/repos/api-token-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSessionsOf } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueNoAccountEmail, enqueuePasswordResetEmail } from "./account-emails.ts";
import { issueAccountToken } from "./account-tokens.ts";

/** How long a password reset link works. */
export const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;

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
