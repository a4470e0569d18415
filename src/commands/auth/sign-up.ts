import { hashPassword } from "../../security/passwords.ts";
import { newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail, insertAccount, insertAccountToken, updatePerson } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueAlreadyRegisteredEmail, enqueueVerificationEmail } from "./account-emails.ts";

/** How long an email verification link works. */
export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000;

/** Options of signUp. */
export interface SignUpOptions {
  database: DatabaseHandle;
  name: string;
  email: string;
  password: string;
  baseUrl: string;
  now: Date;
}

/**
 * Starts an account: stores the password hash and emails a verification link. The caller's
 * answer is the same whether or not the address already had an account (its owner gets an
 * email about the attempt instead), so sign-up cannot be used to learn who has one. An
 * unverified account may be claimed again by a new sign-up: only the owner of the mailbox can
 * finish it.
 */
export async function signUp(options: SignUpOptions): Promise<void> {
  const { database, now } = options;
  const email = options.email.trim();
  const name = options.name.trim();
  // Hash first, whatever happens next, so every branch takes the same time.
  const passwordHash = await hashPassword(options.password);
  await inTransaction(database, async (db) => {
    const existing = await findPersonByEmail(db, email);
    if (existing?.emailVerifiedAt && existing.passwordHash) {
      const hour = now.toISOString().slice(0, 13);
      await enqueueAlreadyRegisteredEmail(
        db,
        { personId: existing.id, name: existing.name, email: existing.email ?? email, baseUrl: options.baseUrl, at: now },
        hour,
      );
      return;
    }
    const person = existing
      ? await updatePerson(db, existing.id, { passwordHash, ...(existing.name ? {} : { name }) }, now)
      : await insertAccount(db, { name, email, passwordHash, emailVerifiedAt: null, at: now });
    const secret = newSecret("verify");
    await insertAccountToken(db, {
      personId: person.id,
      purpose: "verify_email",
      tokenHash: secret.hash,
      at: now,
      expiresAt: new Date(now.getTime() + VERIFY_EMAIL_TTL_MS),
    });
    await enqueueVerificationEmail(
      db,
      { personId: person.id, name: person.name || name, email: person.email ?? email, baseUrl: options.baseUrl, at: now },
      secret.token,
      secret.hash.slice(0, 16),
    );
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name || name },
      action: existing ? "account.signup_repeated" : "account.signed_up",
      objectType: "person",
      objectId: person.id,
      changes: { email },
      at: now,
    });
  });
}
