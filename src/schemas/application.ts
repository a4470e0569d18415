import { z } from "zod";
import { APPLICANT_BANDS } from "../domain/applicant-bands.ts";
import { APPLICATION_ANSWER_MAX_LENGTH, APPLICATION_LINKS_MAX, APPLICATION_STATES, COVER_LETTER_MAX_LENGTH } from "../domain/application-states.ts";
import { PROJECT_QUESTION_KINDS, PROJECT_QUESTION_SECTIONS } from "../domain/proposal-states.ts";
import { Instant } from "./instant.ts";
import { WebAddress } from "./organization.ts";
import { MarkdownOf } from "./text.ts";

/** One answer to a project's prerequisite task or question, by the question's id. */
export const ApplicationAnswer = z
  .object({
    questionId: z.number().int().positive(),
    answer: z
      .string()
      .max(APPLICATION_ANSWER_MAX_LENGTH, `must be at most ${APPLICATION_ANSWER_MAX_LENGTH} characters`)
      .refine((text) => !text.includes("\u0000"), "must not contain NUL characters")
      .describe("Free text, a URL (a task's pull request), or one of the question's choices."),
  })
  .meta({ id: "ApplicationAnswer" });
/** One answer to a project question. */
export type ApplicationAnswer = z.infer<typeof ApplicationAnswer>;

/**
 * What an applicant writes: the draft that autosaves as they type and the submission alike. A
 * draft may be incomplete; submitting checks that the cover letter and every required answer are there.
 */
export const ApplicationBody = z
  .object({
    coverLetter: MarkdownOf(COVER_LETTER_MAX_LENGTH),
    answers: z.array(ApplicationAnswer).max(50),
    links: z.array(WebAddress).max(APPLICATION_LINKS_MAX, `must be at most ${APPLICATION_LINKS_MAX} links`),
  })
  .meta({ id: "ApplicationBody" });
/** An application's content as sent. */
export type ApplicationBody = z.infer<typeof ApplicationBody>;

/** A project's task or question as the application form asks it. */
export const ApplicationQuestion = z
  .object({
    id: z.number().int(),
    section: z.enum(PROJECT_QUESTION_SECTIONS),
    kind: z.enum(PROJECT_QUESTION_KINDS),
    prompt: z.string(),
    choices: z.array(z.string()),
    required: z.boolean(),
  })
  .meta({ id: "ApplicationQuestion" });
/** A question of the application form. */
export type ApplicationQuestion = z.infer<typeof ApplicationQuestion>;

/** An application as its applicant, the project's mentors and the program's admins see it. */
export const Application = z
  .object({
    id: z.number().int(),
    state: z.enum(APPLICATION_STATES),
    project: z.object({ slug: z.string(), title: z.string(), organization: z.object({ slug: z.string(), name: z.string() }) }),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    coverLetter: z.string(),
    coverLetterHtml: z.string().describe("The cover letter rendered and sanitized by the server."),
    answers: z.array(ApplicationAnswer),
    links: z.array(z.string()),
    createdAt: Instant,
    updatedAt: Instant,
    submittedAt: Instant.nullable().describe("When the server received the submission that counts."),
    withdrawnAt: Instant.nullable(),
  })
  .meta({ id: "Application" });
/** An application. */
export type Application = z.infer<typeof Application>;

/** How crowded a project is, as the public sees it. */
export const ApplicantCount = z
  .object({
    band: z.enum(APPLICANT_BANDS),
    label: z.string().describe("The band in words, e.g. “5–20 applicants”."),
  })
  .meta({ id: "ApplicantCount" });
/** A project's applicant band. */
export type ApplicantCount = z.infer<typeof ApplicantCount>;
