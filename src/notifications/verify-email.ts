import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

// Links carry their token in the URL fragment (#token=…): browsers never send a fragment to
// a server, so the token cannot end up in an access log or a Referer header.

/** The email with the link that confirms a new account's address (the link works for 24 hours). */
export function verifyEmailMessage(input: { baseUrl: string; name: string; token: string }): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: "Confirm your email address for Cohort",
    greeting: `Hello ${input.name},`,
    paragraphs: ["Confirm that this address is yours to finish creating your Cohort account. The link works once, for 24 hours."],
    action: { label: "Confirm your email address", path: `/verify-email#token=${input.token}` },
    reason: "You receive this email because someone signed up for Cohort with this address. If it was not you, ignore it.",
  });
}
