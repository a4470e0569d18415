import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What a mentor confirmation email names. */
export interface MentorConfirmationInput {
  baseUrl: string;
  mentorName: string;
  /** Who named them: the maintainer who submitted the proposal, or who asked again. */
  namedBy: string;
  projectTitle: string;
  organizationName: string;
  termTitle: string;
  /** The secret of the link; only its hash is stored. */
  token: string;
}

/**
 * The email that asks a named mentor "will you mentor this project?": who named them, the
 * project, and one link to a page where they confirm or decline (no account needed).
 */
export function mentorConfirmationMessage(input: MentorConfirmationInput): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Will you mentor "${input.projectTitle}" (${input.organizationName})?`,
    greeting: input.mentorName ? `Hello ${input.mentorName},` : "Hello,",
    paragraphs: [
      `${input.namedBy} named you as a mentor of "${input.projectTitle}", a project ${input.organizationName} proposes for ${input.termTitle}.`,
      "Please confirm that you will mentor it, or decline. Only mentors who confirm are shown on the project's public page, and a project needs at least one to be accepted.",
    ],
    action: { label: "Confirm or decline", path: `/mentor-confirmations#token=${input.token}` },
    reason: `You receive this email because ${input.namedBy} entered your address or GitHub handle as a mentor.`,
  });
}
