import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** The email with the link that sets a new password (the link works for one hour; the token rides in the fragment). */
export function passwordResetMessage(input: { baseUrl: string; name: string; token: string }): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: "Reset your Cohort password",
    greeting: `Hello ${input.name},`,
    paragraphs: [
      "Someone asked to reset the password of your Cohort account. The link works once, for one hour.",
      "Choosing a new password signs you out everywhere and revokes all your API tokens: scripts that use one need a new token.",
    ],
    action: { label: "Choose a new password", path: `/reset-password#token=${input.token}` },
    reason: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}
