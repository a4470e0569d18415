import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What the welcome of a mentorship says, to its mentee or to one of its mentors. */
export interface MentorshipWelcomeInput {
  baseUrl: string;
  mentorshipId: number;
  readerName: string;
  role: "mentee" | "mentor";
  menteeName: string;
  mentorNames: readonly string[];
  projectTitle: string;
  termTitle: string;
}

/**
 * The email each mentee and mentor gets when a mentorship begins: who works with whom, on what,
 * and the mentorship's page, where its dates, evaluations and stipend are.
 */
export function mentorshipWelcomeMessage(input: MentorshipWelcomeInput): EmailContent {
  const mentors = input.mentorNames.length > 0 ? input.mentorNames.join(", ") : "the project's mentors";
  const opening =
    input.role === "mentee"
      ? `Welcome! Your mentorship on "${input.projectTitle}" (${input.termTitle}) begins today, with ${mentors}.`
      : `The mentorship of ${input.menteeName} on "${input.projectTitle}" (${input.termTitle}) begins today.`;
  const next =
    input.role === "mentee"
      ? "Say hello to your mentors and agree on your first tasks. Your mentorship's page has its dates, your evaluations and your stipend."
      : "Please write their initial work assignments in the first week. The mentorship's page has its dates and the evaluations you submit.";
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Your mentorship on "${input.projectTitle}" begins`,
    greeting: `Hello ${input.readerName},`,
    paragraphs: [opening, next],
    action: { label: "Open the mentorship", path: `/mentorships/${input.mentorshipId}` },
    reason: `You receive this email because you are ${input.role === "mentee" ? "the mentee" : "a mentor"} of this mentorship in ${input.termTitle}.`,
  });
}
