import { alreadyRegisteredMessage, type ExistingAccount } from "../../notifications/already-registered.ts";
import type { EmailContent } from "../../notifications/email-layout.ts";
import { noAccountMessage } from "../../notifications/no-account.ts";
import { passwordResetMessage } from "../../notifications/password-reset.ts";
import { verifyEmailMessage } from "../../notifications/verify-email.ts";
import { hashSecret } from "../../security/secrets.ts";
import { consumeAccountToken } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { type EnqueueResult, enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { issueAccountToken, VERIFY_EMAIL_TTL_MS } from "./account-tokens.ts";

/** Who gets an account email, and where its links point. */
interface Recipient {
  /** Null for an address no person has. */
  personId: number | null;
  name: string;
  email: string;
  baseUrl: string;
  at: Date;
}

/** The email with the link that verifies an address. */
export async function enqueueVerificationEmail(db: Db, recipient: Recipient, token: string, tokenId: string): Promise<void> {
  const message = verifyEmailMessage({ baseUrl: recipient.baseUrl, name: recipient.name, token });
  await enqueue(db, recipient, `verify-email:${tokenId}`, message);
}

/**
 * A new confirmation link for a person whose address is not confirmed yet, once an hour at
 * most (sign-in refusals and the "send the link again" form share the hour). Older links keep
 * working: they went to the same mailbox, and voiding them would break the one email that
 * may still be on its way. Answers whether an email was written.
 */
export async function enqueueVerificationReminder(db: Db, recipient: Recipient & { personId: number }): Promise<boolean> {
  const { personId, at } = recipient;
  const issued = await issueAccountToken(db, { personId, purpose: "verify_email", ttlMs: VERIFY_EMAIL_TTL_MS, at });
  const message = verifyEmailMessage({ baseUrl: recipient.baseUrl, name: recipient.name, token: issued.token });
  const { created } = await enqueue(db, recipient, `verify-email:resend-${personId}-${at.toISOString().slice(0, 13)}`, message);
  // This hour's email went out already, without this link: the link must not outlive the request.
  if (!created) await consumeAccountToken(db, { tokenHash: issued.hash, purpose: "verify_email", at });
  return created;
}

/** The email with the link that sets a new password. */
export async function enqueuePasswordResetEmail(db: Db, recipient: Recipient, token: string, tokenId: string): Promise<void> {
  const message = passwordResetMessage({ baseUrl: recipient.baseUrl, name: recipient.name, token });
  await enqueue(db, recipient, `reset-password:${tokenId}`, message);
}

/**
 * The email to an address with no account whose owner asked for a password reset: there is
 * nothing to reset, and where to sign up. One an hour at most per address.
 */
export async function enqueueNoAccountEmail(db: Db, recipient: Recipient, bucket: string): Promise<void> {
  const message = noAccountMessage({ baseUrl: recipient.baseUrl });
  // The key is logged: it names the address by a hash, never in clear.
  await enqueue(db, recipient, `no-account:${hashSecret(recipient.email.toLowerCase()).slice(0, 16)}:${bucket}`, message);
}

/**
 * The email that tells an address's owner someone signed up with it: how they sign in, and a
 * single-use link to set a password (which proves the mailbox). One a person an hour at most:
 * `bucket` is the hour; the answer says whether this call wrote it.
 */
export async function enqueueAlreadyRegisteredEmail(
  db: Db,
  recipient: Recipient,
  account: ExistingAccount,
  token: string,
  bucket: string,
): Promise<EnqueueResult> {
  const message = alreadyRegisteredMessage({ baseUrl: recipient.baseUrl, name: recipient.name, account, token });
  return enqueue(db, recipient, `already-registered:${recipient.personId}:${bucket}`, message);
}

async function enqueue(db: Db, recipient: Recipient, dedupeKey: string, message: EmailContent): Promise<EnqueueResult> {
  return enqueueNotification(db, {
    dedupeKey,
    recipientEmail: recipient.email,
    recipientPersonId: recipient.personId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    at: recipient.at,
  });
}
