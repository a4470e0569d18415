import { buildEmailMessage } from "../../jobs/email-message.ts";
import type { Db } from "../../storage/repos/db.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";

/** Who gets an account email, and where its links point. */
interface Recipient {
  personId: number;
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
    paragraphs: ["Someone asked to reset the password of your Cohort account. The link works once, for one hour, and signs you out everywhere."],
    action: { label: "Choose a new password", path: `/reset-password#token=${token}` },
    reason: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
  await enqueue(db, recipient, `reset-password:${tokenId}`, message);
}

/** The email that tells an account holder someone tried to sign up again with their address. */
export async function enqueueAlreadyRegisteredEmail(db: Db, recipient: Recipient, bucket: string): Promise<void> {
  const message = buildEmailMessage({
    baseUrl: recipient.baseUrl,
    subject: "You already have a Cohort account",
    greeting: `Hello ${recipient.name},`,
    paragraphs: [
      "Someone tried to create a Cohort account with this address, which already has one. If it was you, sign in, or reset your password if you forgot it.",
    ],
    action: { label: "Sign in", path: "/sign-in" },
    reason: "If it was not you, you need to do nothing.",
  });
  await enqueue(db, recipient, `already-registered:${recipient.personId}:${bucket}`, message);
}

async function enqueue(db: Db, recipient: Recipient, dedupeKey: string, message: ReturnType<typeof buildEmailMessage>): Promise<void> {
  await enqueueNotification(db, {
    dedupeKey,
    recipientEmail: recipient.email,
    recipientPersonId: recipient.personId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    at: recipient.at,
  });
}
