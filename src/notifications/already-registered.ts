import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

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
 * single-use link to set a password (which proves the mailbox), working for one hour.
 */
export function alreadyRegisteredMessage(input: { baseUrl: string; name: string; account: ExistingAccount; token: string }): EmailContent {
  const { account } = input;
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: "You already have a Cohort account",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      ...alreadyRegisteredWords(account, `${input.baseUrl.replace(/\/+$/, "")}/sign-in`),
      "The link works once, for one hour. Setting a password through it signs you out everywhere and revokes your API tokens.",
    ],
    action: { label: account.kind === "password" ? "Choose a new password" : "Set a password", path: `/reset-password#token=${input.token}` },
    reason:
      "You receive this email because someone entered this address on Cohort's sign-up page. Nothing on your account changed; if it was not you, ignore this email.",
  });
}
