import { COVER_LETTER_MAX_LENGTH } from "../../../../src/domain/application-states.ts";
import type { Application, ApplicationBody, ApplicationQuestion } from "../../../../src/schemas/application.ts";
import { linkProblem } from "./application-words.ts";

/** The form field of one question's answer, so the server's words and focus find it by the question's id. */
export function answerField(question: Pick<ApplicationQuestion, "id">): string {
  return `answer-${question.id}`;
}

/** The application form's state as typed: the cover letter, an answer per question id, and the rows of links. */
export interface ApplicationDraft {
  coverLetter: string;
  answers: Record<number, string>;
  links: string[];
}

/** The form's state for the caller's application as the server holds it, or an empty one. */
export function draftFromApplication(application: Application | null): ApplicationDraft {
  return {
    coverLetter: application?.coverLetter ?? "",
    answers: Object.fromEntries((application?.answers ?? []).map((answer) => [answer.questionId, answer.answer])),
    links: application && application.links.length > 0 ? [...application.links] : [""],
  };
}

/**
 * The body that saves or submits the whole form: one answer per question in the form's order
 * (so `answers.2` is the third question), and the links typed, without blank rows.
 */
export function bodyOfDraft(draft: ApplicationDraft, questions: readonly ApplicationQuestion[]): ApplicationBody {
  return {
    coverLetter: draft.coverLetter,
    answers: questions.map((question) => ({ questionId: question.id, answer: draft.answers[question.id] ?? "" })),
    links: draft.links.map((link) => link.trim()).filter((link) => link !== ""),
  };
}

/**
 * What the form knows is wrong before sending, by form field: a cover letter over the limit,
 * a link or a task's link answer that is no web address.
 */
export function localProblems(draft: ApplicationDraft, questions: readonly ApplicationQuestion[]): Map<string, string> {
  const problems = new Map<string, string>();
  if ([...draft.coverLetter].length > COVER_LETTER_MAX_LENGTH) problems.set("coverLetter", `must be at most ${COVER_LETTER_MAX_LENGTH} characters`);
  for (const question of questions) {
    const problem = question.kind === "url" ? linkProblem(draft.answers[question.id] ?? "") : undefined;
    if (problem) problems.set(answerField(question), problem);
  }
  draft.links.forEach((link, index) => {
    const problem = linkProblem(link);
    if (problem) problems.set(`links.${index}`, problem);
  });
  return problems;
}

/**
 * The body to autosave over what the server holds: the whole body when anything differs,
 * nothing when the form is as saved, and nothing either while the form holds something the
 * server would refuse (the words are beside the field already), so an autosave never fails
 * on a field still being typed.
 */
export function changesSince(saved: Partial<ApplicationBody>, draft: ApplicationDraft, questions: readonly ApplicationQuestion[]): Partial<ApplicationBody> {
  if (localProblems(draft, questions).size > 0) return {};
  const body = bodyOfDraft(draft, questions);
  return JSON.stringify(body) === JSON.stringify({ coverLetter: saved.coverLetter, answers: saved.answers, links: saved.links }) ? {} : body;
}

/** The body the server holds for an application (or the empty form's), as the autosave's starting point. */
export function savedBody(application: Application | null, questions: readonly ApplicationQuestion[]): ApplicationBody {
  return bodyOfDraft(draftFromApplication(application), questions);
}

/**
 * The server's words per form field: `answers.2` (or `answers.2.answer`) becomes the field of
 * that question's id, `links.1` a link row, anything else under `body.` loses the prefix.
 */
export function fieldErrorsOf(errors: ReadonlyArray<{ field: string; detail: string }>, questions: readonly ApplicationQuestion[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const problem of errors) {
    const field = problem.field.replace(/^body\./, "");
    const answer = /^answers\.(\d+)(?:\.answer)?$/.exec(field);
    const question = answer ? questions[Number(answer[1])] : undefined;
    const key = question ? answerField(question) : field;
    if (!byField.has(key)) byField.set(key, problem.detail);
  }
  return byField;
}
