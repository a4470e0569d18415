import { ROLE_ARTICLES, type Role } from "../domain/roles.ts";
import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** The email that offers a role: who invites, to what, and the single-use link that accepts it (14 days). */
export function invitationMessage(input: { baseUrl: string; inviterName: string; role: Role; where: string; email: string; token: string }): EmailContent {
  const offer = `${input.inviterName} invites you to be ${ROLE_ARTICLES[input.role]} in ${input.where}`;
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: offer,
    greeting: "Hello,",
    paragraphs: [`${offer} on Cohort.`, `Accept with the account of ${input.email} (sign up first if you have none). The invitation works once, for 14 days.`],
    action: { label: "Accept the invitation", path: `/invitations#token=${input.token}` },
    reason: `You receive this email because ${input.inviterName} entered your address.`,
  });
}
