import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** The email to an address with no account whose owner asked for a password reset: there is nothing to reset, and where to sign up. */
export function noAccountMessage(input: { baseUrl: string }): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: "Your Cohort password reset",
    greeting: "Hello,",
    paragraphs: [
      "Someone, perhaps you, asked to reset the Cohort password of this address, but no Cohort account has it. If you have an account under another address, ask for the reset there; otherwise you can create one.",
    ],
    action: { label: "Create an account", path: "/sign-up" },
    reason: "You receive this email because someone entered this address on Cohort's password reset page. If it was not you, ignore it.",
  });
}
