import { buildEmailMessage } from "../../jobs/email-message.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { Db } from "../../storage/repos/db.ts";
import { type EnqueueResult, enqueueNotification } from "../../storage/repos/outbox-repo.ts";

/** Who gets an account email, and where its links point. */
interface Recipient {
  /** Null for an address no person has. */
  personId: number | null;
  name: string;
  email: string;
  baseUrl: string;
  at: Date;
}

// Links carry their token in the URL fragment (#token=…): browsers never send a fragment to
// a server, so the token cannot end up in an access log or a Referer header.

/** The email with the link that verifies an address. */
export async function enqueueVerificationEmail(db: Db, recipient: Recipient, token: string, tokenId: string): Promise<void> {
  const message = buildEmailMessage({
    baseUrl: recipient.baseUrl,
    subject: "Confirm your email address for Cohort",
    greeting: `Hello ${recipient.name},`,
    paragraphs: ["Confirm that this address is yours to finish creating your Cohort account. The link works once, for 24 hours."],
    action: { label: "Confirm your email address", path: `/verify-email#token=${token}` },
    reason: "You receive this email because someone signed up for Cohort with this address. If it was not you, ignore it.",
  });
  await enqueue(db, recipient, `verify-email:${tokenId}`, message);
}

/** The email with the link that sets a new password. */
export async function enqueuePasswordResetEmail(db: Db, recipient: Recipient, token: string, tokenId: string): Promise<void> {
  const message = buildEmailMessage({
    baseUrl: recipient.baseUrl,
    subject: "Reset your Cohort password",
    greeting: `Hello ${recipient.name},`,
    paragraphs: [
      "Someone asked to reset the password of your Cohort account. The link works once, for one hour.",
      "Choosing a new password signs you out everywhere and revokes all your API tokens: scripts that use one need a new token.",
    ],
    action: { label: "Choose a new password", path: `/reset-password#token=${token}` },
    reason: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
  await enqueue(db, recipient, `reset-password:${tokenId}`, message);
}

/**
 * The email to an address with no account whose owner asked for a password reset: there is
 * nothing to reset, and where to sign up. One an hour at most per address.
 */
export async function enqueueNoAccountEmail(db: Db, recipient: Recipient, bucket: string): Promise<void> {
  const message = buildEmailMessage({
    baseUrl: recipient.baseUrl,
    subject: "Your Cohort password reset",
    greeting: "Hello,",
    paragraphs: [
      "Someone, perhaps you, asked to reset the Cohort password of this address, but no Cohort account has it. If you have an account under another address, ask for the reset there; otherwise you can create one.",
    ],
    action: { label: "Create an account", path: "/sign-up" },
    reason: "You receive this email because someone entered this address on Cohort's password reset page. If it was not you, ignore it.",
  });
  // The key is logged: it names the address by a hash, never in clear.
  await enqueue(db, recipient, `no-account:${hashSecret(recipient.email.toLowerCase()).slice(0, 16)}:${bucket}`, message);
}

/** How a person who already has an account signs in today, for the wording of the email about a new sign-up. */
export type ExistingAccount =
  | { kind: "password" }
  | { kind: "provider"; providerName: string; hasPassword: boolean }
  | { kind: "unconfirmed" }
  | { kind: "no-password" };

function alreadyRegisteredWords(account: ExistingAccount, signInUrl: string): string[] {
  const attempt = "Someone, perhaps you, tried to create a Cohort account with this address.";
  switch (account.kind) {
    case "password":
      return [`${attempt} It already has one: sign in with your password at ${signInUrl}. Forgot it? Choose a new one with the link below.`];
    case "provider":
      return [
        `${attempt} It already has one: sign in with your ${account.providerName} at ${signInUrl}, or ${account.hasPassword ? "choose a new password" : "set a password to sign in with this address too"} with the link below.`,
      ];
    case "unconfirmed":
      return [
        `${attempt} It has an account already, not confirmed yet. If you started it, the confirmation link we sent then still works; or set a password with the link below, which confirms the address too, and sign in at ${signInUrl}.`,
        "If you did not start it, do not use any other confirmation link for this address: set your own password with the link below instead.",
      ];
    case "no-password":
      return [
        `${attempt} Cohort already knows this address (from a program's term pages or its admins), but the account has no password yet. Set one with the link below, then sign in at ${signInUrl}.`,
      ];
  }
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
  const message = buildEmailMessage({
    baseUrl: recipient.baseUrl,
    subject: "You already have a Cohort account",
    greeting: `Hello ${recipient.name},`,
    paragraphs: [
      ...alreadyRegisteredWords(account, `${recipient.baseUrl.replace(/\/+$/, "")}/sign-in`),
      "The link works once, for one hour. Setting a password through it signs you out everywhere and revokes your API tokens.",
    ],
    action: { label: account.kind === "password" ? "Choose a new password" : "Set a password", path: `/reset-password#token=${token}` },
    reason:
      "You receive this email because someone entered this address on Cohort's sign-up page. Nothing on your account changed; if it was not you, ignore this email.",
  });
  return enqueue(db, recipient, `already-registered:${recipient.personId}:${bucket}`, message);
}

async function enqueue(db: Db, recipient: Recipient, dedupeKey: string, message: ReturnType<typeof buildEmailMessage>): Promise<EnqueueResult> {
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
