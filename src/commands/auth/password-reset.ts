import { AppError } from "../../errors/app-error.ts";
import { hashPassword } from "../../security/passwords.ts";
import { hashSecret, newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import {
  consumeAccountToken,
  findPersonByEmail,
  findPersonById,
  insertAccountToken,
  updatePerson,
  voidAccountTokens,
} from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSessionsOf } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueuePasswordResetEmail } from "./account-emails.ts";

/** How long a password reset link works. */
export const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;

/**
 * Emails a single-use reset link when the address belongs to a person; does nothing
 * otherwise. The caller answers the same either way. A new link voids the older ones.
 */
export async function requestPasswordReset(options: { database: DatabaseHandle; email: string; baseUrl: string; now: Date }): Promise<void> {
  const { now } = options;
  await inTransaction(options.database, async (db) => {
    const person = await findPersonByEmail(db, options.email.trim());
    if (!person?.email) return;
    await voidAccountTokens(db, person.id, "reset_password", now);
    const secret = newSecret("reset");
    await insertAccountToken(db, {
      personId: person.id,
      purpose: "reset_password",
      tokenHash: secret.hash,
      at: now,
      expiresAt: new Date(now.getTime() + RESET_PASSWORD_TTL_MS),
    });
    await enqueuePasswordResetEmail(
      db,
      { personId: person.id, name: person.name, email: person.email, baseUrl: options.baseUrl, at: now },
      secret.token,
      secret.hash.slice(0, 16),
    );
  });
}

/**
 * Sets a new password with the token from the reset email, then ends every session of the
 * person (whoever knew the old password is signed out). Following the link proves the
 * mailbox, so the address counts as confirmed.
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
    const ended = await deleteSessionsOf(db, person.id);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name },
      action: "account.password_reset",
      objectType: "person",
      objectId: person.id,
      changes: { sessionsEnded: ended },
      at: now,
    });
  });
}
