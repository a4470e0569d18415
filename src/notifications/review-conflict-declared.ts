import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What the admins are told when a mentor declares a conflict of interest. */
export interface ReviewConflictDeclaredInput {
  baseUrl: string;
  adminName: string;
  mentorName: string;
  projectTitle: string;
  applicationId: number;
}

/**
 * The email to a program's admin that a mentor declared a conflict of interest with an
 * application: who, on which project, that it is now hidden from them, and a link to the
 * application. The applicant is not named: the admin reads it behind the link.
 */
export function reviewConflictDeclaredMessage(input: ReviewConflictDeclaredInput): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Conflict of interest declared on "${input.projectTitle}"`,
    greeting: input.adminName.trim() === "" ? "Hello," : `Hello ${input.adminName},`,
    paragraphs: [
      `${input.mentorName} declared a conflict of interest with application ${input.applicationId} to "${input.projectTitle}".`,
      "The application is hidden from them from now on and their score of it is taken back; the project's other mentors still review it. If no other mentor can, you may want to ask someone else to.",
    ],
    action: { label: "Open the application", path: `/applications/${input.applicationId}` },
    reason: "You receive this email because you administer the program this project belongs to on Cohort.",
  });
}
