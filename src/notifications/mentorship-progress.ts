import { EVALUATION_WORDS, type EvaluationOutcome } from "../domain/evaluations.ts";
import { INSTALLMENT_STATE_WORDS, type InstallmentState } from "../domain/installments.ts";
import type { EvaluationKind } from "../domain/stipends.ts";
import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

// The emails of a mentorship after it begins: each change of a stipend installment to its
// mentee, an evaluation's outcome to the mentee, reminders of what is not submitted, and its end.

/** Where every one of these emails points: the mentorship's page. */
function mentorshipAction(mentorshipId: number) {
  return { label: "Open the mentorship", path: `/mentorships/${mentorshipId}` };
}

/** The mentee's email when one of their installments moves: what it is now, its amount, and what happens next. */
export function installmentChangedMessage(input: {
  baseUrl: string;
  mentorshipId: number;
  menteeName: string;
  projectTitle: string;
  position: number;
  count: number;
  amount: string;
  state: InstallmentState;
  nextStep: string;
}): EmailContent {
  const which = input.count > 1 ? `Installment ${input.position} of ${input.count}` : "Your stipend";
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `${which} (${input.amount}): ${INSTALLMENT_STATE_WORDS[input.state].toLowerCase()}`,
    greeting: `Hello ${input.menteeName},`,
    paragraphs: [
      `${which} of your stipend for "${input.projectTitle}", ${input.amount}, is now ${INSTALLMENT_STATE_WORDS[input.state].toLowerCase()}.`,
      input.nextStep,
    ],
    action: mentorshipAction(input.mentorshipId),
    reason: "You receive this email at each change of your stipend, so you always know where it is.",
  });
}

/** The mentee's email when their mentors submit an evaluation: the outcome and the comments addressed to them, nothing else. */
export function evaluationOutcomeMessage(input: {
  baseUrl: string;
  mentorshipId: number;
  menteeName: string;
  projectTitle: string;
  kind: EvaluationKind;
  outcome: EvaluationOutcome;
  toMentee: string;
}): EmailContent {
  const words = EVALUATION_WORDS[input.kind];
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Your ${words} on "${input.projectTitle}": ${input.outcome === "pass" ? "passed" : "not passed"}`,
    greeting: `Hello ${input.menteeName},`,
    paragraphs: [
      input.outcome === "pass"
        ? `Your mentors submitted your ${words}: you passed.`
        : `Your mentors submitted your ${words}, and it did not pass. Your mentorship ends here; the program's admins can answer your questions.`,
      input.toMentee ? `Their comments:\n${input.toMentee}` : "",
    ],
    action: mentorshipAction(input.mentorshipId),
    reason: "You receive this email because you are the mentee of this mentorship.",
  });
}

/** A reminder of what someone has not submitted before an evaluation is due. */
export function evaluationReminderMessage(input: {
  baseUrl: string;
  mentorshipId: number;
  readerName: string;
  role: "mentee" | "mentor";
  menteeName: string;
  projectTitle: string;
  kind: EvaluationKind;
  dueWords: string;
  timeLeft: string;
}): EmailContent {
  const what = input.role === "mentor" ? `the ${EVALUATION_WORDS[input.kind]} of ${input.menteeName}` : "your program feedback and the link to your blog post";
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Reminder: ${input.role === "mentor" ? `${EVALUATION_WORDS[input.kind]} of ${input.menteeName}` : "your final report"} is due in ${input.timeLeft}`,
    greeting: `Hello ${input.readerName},`,
    paragraphs: [
      `Please submit ${what} for "${input.projectTitle}" by ${input.dueWords}.`,
      input.role === "mentor"
        ? "The stipend installment it releases waits for it, and after the due date it is flagged to the program's admins."
        : "Your final stipend installment waits for it.",
    ],
    action: mentorshipAction(input.mentorshipId),
    reason: `You receive this email because you are ${input.role === "mentee" ? "the mentee" : "a mentor"} of this mentorship and it is not submitted yet.`,
  });
}

/** The email to a mentee and mentors when an admin ends a mentorship. */
export function mentorshipEndedMessage(input: {
  baseUrl: string;
  mentorshipId: number;
  readerName: string;
  projectTitle: string;
  menteeName: string;
  reason: string;
  remaining: string;
}): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `The mentorship of ${input.menteeName} on "${input.projectTitle}" has ended`,
    greeting: `Hello ${input.readerName},`,
    paragraphs: [
      `The program's admins ended the mentorship of ${input.menteeName} on "${input.projectTitle}".`,
      `The reason: ${input.reason}`,
      input.remaining,
    ],
    action: mentorshipAction(input.mentorshipId),
    reason: "You receive this email because you are part of this mentorship.",
  });
}
