import { formatInstantAndUtc } from "../domain/format-instant.ts";
import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What the confirmation of a submission says: to whom, which project, when it was received and until when it may change. */
export interface ApplicationSubmittedInput {
  baseUrl: string;
  name: string;
  projectTitle: string;
  organizationName: string;
  termTitle: string;
  timeZone: string;
  /** When the server received the submission. */
  submittedAt: Date;
  /** When applications close, or null when the timeline has no date for it. */
  closesAt: Date | null;
}

/**
 * The email confirming a submitted application: the project, the instant the server received it
 * (which is what the deadline is judged by), until when it can still be edited or withdrawn, and
 * a link back to "My applications".
 */
export function applicationSubmittedMessage(input: ApplicationSubmittedInput): EmailContent {
  const project = `"${input.projectTitle}" (${input.organizationName}, ${input.termTitle})`;
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Application received: ${input.projectTitle}`,
    greeting: input.name.trim() === "" ? "Hello," : `Hello ${input.name},`,
    paragraphs: [
      `Your application to ${project} was received on ${formatInstantAndUtc(input.submittedAt, input.timeZone)}.`,
      input.closesAt
        ? `You may edit or withdraw it until applications close on ${formatInstantAndUtc(input.closesAt, input.timeZone)}.`
        : "You may edit or withdraw it while applications are open.",
    ],
    action: { label: "See your applications", path: "/applications" },
    reason: "You receive this email because you submitted this application on Cohort.",
  });
}
