import { timeLeftWords } from "../domain/draft-reminders.ts";
import { actionLink, buildEmailMessage, type EmailContent } from "./email-layout.ts";
import { instantForReader } from "./reader-time.ts";

/** What a draft reminder needs: who reads it, in which zone, the deadline, and every unsubmitted draft of the term. */
export interface DraftReminderInput {
  baseUrl: string;
  name: string;
  termTitle: string;
  termTimeZone: string;
  /** The reader's own zone (their profile's), or null when they gave none: the term's zone alone is then used. */
  readerTimeZone: string | null;
  /** When applications close. */
  deadline: Date;
  /** When the reminder is written, for the time left. */
  now: Date;
  /** At least one. */
  drafts: ReadonlyArray<{ projectSlug: string; projectTitle: string }>;
}

/**
 * The reminder an applicant gets a day and an hour before applications close while a draft is
 * not submitted: "Your application to "Kestrel CLI" is not submitted yet — applications close in
 * 24 hours, on …", in their zone and the term's, with a link to each draft.
 */
export function draftReminderMessage(input: DraftReminderInput): EmailContent {
  const closes = `applications close in ${timeLeftWords(input.deadline, input.now)}, on ${instantForReader(input.deadline, input)}`;
  const applyPath = (slug: string) => `/projects/${encodeURIComponent(slug)}/apply`;
  const [only, ...others] = input.drafts;
  const single = only && others.length === 0 ? only : null;
  const paragraphs = single
    ? [`Your application to "${single.projectTitle}" (${input.termTitle}) is not submitted yet — ${closes}.`]
    : [
        `Your applications to these projects of ${input.termTitle} are not submitted yet — ${closes}:`,
        input.drafts.map((draft) => `"${draft.projectTitle}": ${actionLink(input.baseUrl, applyPath(draft.projectSlug))}`).join("\n"),
      ];
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: single
      ? `Not submitted yet: your application to "${single.projectTitle}"`
      : `Not submitted yet: ${input.drafts.length} of your applications to ${input.termTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [...paragraphs, "Mentors see an application only once it is submitted. You can still edit it after submitting, until the deadline."],
    action: single
      ? { label: "Finish and submit your application", path: applyPath(single.projectSlug) }
      : { label: "See your applications", path: "/applications" },
    reason: `You receive this email because you started an application in ${input.termTitle} and have not submitted it; reminders stop once you submit it.`,
  });
}
