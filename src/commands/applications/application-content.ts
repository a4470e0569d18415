import type { FieldError } from "../../errors/app-error.ts";
import { renderMarkdown } from "../../markdown/render-markdown.ts";
import type { ApplicationBody } from "../../schemas/application.ts";
import { WebAddress } from "../../schemas/organization.ts";
import { findCoverLetterOf } from "../../storage/repos/application-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import type { ApplicationQuestionRow } from "../../storage/schema.ts";
import { invalidFields } from "../proposals/proposal-content.ts";

// An application's content checked against its project's form: answers only to the project's
// own questions, a choice among its choices, a web address where a task asks for one; and, once
// submitted, a cover letter and every required answer. Each fault names its field.

/**
 * Refuses content that does not fit the project's questions, naming each field at fault
 * (`answers.2.answer`). `complete` also asks for what a submitted application must have: a cover
 * letter and an answer to every required question (named by the question's place in the form
 * when no answer was sent for it). A draft may be incomplete, never wrong.
 */
export function checkApplicationContent(body: ApplicationBody, questions: readonly ApplicationQuestionRow[], options: { complete: boolean }): void {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const answered = new Map<number, number>();
  for (const [index, { questionId, answer }] of body.answers.entries()) {
    const question = byId.get(questionId);
    if (!question) {
      errors.push({
        field: `answers.${index}.questionId`,
        code: "unknown_question",
        detail: `Question ${questionId} is not on this project's form; reload the form.`,
      });
      continue;
    }
    if (answered.has(questionId)) {
      errors.push({ field: `answers.${index}.questionId`, code: "duplicate", detail: `"${question.prompt}" is answered twice; keep one answer.` });
      continue;
    }
    answered.set(questionId, index);
    if (answer.trim() === "") continue;
    if (question.kind === "choice" && !question.choices.includes(answer)) {
      errors.push({ field: `answers.${index}.answer`, code: "invalid_choice", detail: `Choose one of: ${question.choices.join(", ")}.` });
    }
    if (question.kind === "url") {
      const address = WebAddress.safeParse(answer);
      if (!address.success) {
        const detail = address.error.issues[0]?.message ?? "must be a web address starting with https:// or http://";
        errors.push({ field: `answers.${index}.answer`, code: "invalid_url", detail: `"${question.prompt}" ${detail}.` });
      }
    }
  }
  if (options.complete) {
    if (body.coverLetter.trim() === "") errors.push({ field: "coverLetter", code: "required", detail: "Write a cover letter." });
    for (const [position, question] of questions.entries()) {
      if (!question.required) continue;
      const index = answered.get(question.id);
      const answer = index === undefined ? "" : (body.answers[index]?.answer ?? "");
      if (answer.trim() === "") {
        errors.push({ field: `answers.${index ?? position}.answer`, code: "required", detail: `Answer "${question.prompt}": the project requires it.` });
      }
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
}

/**
 * The cover letter as sanitized HTML, made before the write. The form autosaves as the applicant
 * types, so the letter sent is usually the one stored already: its stored HTML is taken instead of
 * rendering it again, rendering being the slowest step of a save or a submission.
 */
export async function renderCoverLetter(db: Db, key: { projectId: number; personId: number }, coverLetter: string): Promise<string> {
  const stored = await findCoverLetterOf(db, key.projectId, key.personId);
  return stored?.coverLetter === coverLetter ? stored.coverLetterHtml : renderMarkdown(coverLetter);
}
