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

/** The `Idempotency-Key` header of a submission: the UI makes one per click, so a retry of the same click is answered once. */
export const SubmitApplicationHeaders = z.looseObject({
  "idempotency-key": z
    .string({ error: "is required: send a new random key with each submission, and the same key when retrying it" })
    .regex(/^[\x21-\x7e]{8,200}$/, "must be 8 to 200 visible ASCII characters, e.g. a UUID")
    .describe("A key made once per submission (e.g. a UUID); a retry with the same key and body gets the first answer."),
});
/** A submission's headers. */
export type SubmitApplicationHeaders = z.infer<typeof SubmitApplicationHeaders>;

/** One disqualifying eligibility answer, as the applicant is told it. */
export const ApplicationDisqualification = z
  .object({ questionId: z.number().int(), prompt: z.string(), answer: z.string(), reason: z.string() })
  .meta({ id: "ApplicationDisqualification" });
/** A disqualifying answer. */
export type ApplicationDisqualification = z.infer<typeof ApplicationDisqualification>;

/** A project's application form: what to answer, whether it can be sent now and why not, and the caller's own application. */
export const ApplicationForm = z
  .object({
    project: z.object({ slug: z.string(), title: z.string(), organization: z.object({ slug: z.string(), name: z.string() }) }),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    questions: z.array(ApplicationQuestion),
    window: z.object({
      opensAt: Instant.nullable(),
      closesAt: Instant.nullable(),
      open: z.boolean(),
      message: z.string().describe("When applications open or close, or that they closed, in the term's zone and UTC."),
    }),
    accepting: z.object({
      accepting: z.boolean().describe("False when the project takes no new applications: its soft cap is reached, or it is not an accepted project."),
      reason: z.string().nullable(),
    }),
    eligibility: z.object({
      questions: z.number().int().describe("How many eligibility questions the term asks; none means everyone is eligible."),
      answered: z.boolean(),
      eligible: z.boolean(),
      disqualifications: z.array(ApplicationDisqualification),
    }),
    cap: z.object({
      limit: z.number().int().describe("The program's application limit per term."),
      used: z.number().int().describe("How many of the caller's applications of the term count towards it: submitted ones, not drafts or withdrawn ones."),
      applications: z.array(z.object({ projectSlug: z.string(), projectTitle: z.string() })),
    }),
    application: Application.nullable().describe("The caller's own application to this project, or null."),
  })
  .meta({ id: "ApplicationForm" });
/** An application form. */
export type ApplicationForm = z.infer<typeof ApplicationForm>;

/** `GET /api/me/applications`: each of the caller's applications with its state in words, its next step and the deadline. */
export const MyApplicationsResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        state: z.enum(APPLICATION_STATES),
        stateLabel: z.string().describe("The state in words, e.g. “Submitted”."),
        nextStep: z.string().describe("What happens next and when, e.g. “Draft · submit by Tue 28 May 2024 at 17:00 PDT”."),
        nextStepAt: Instant.nullable().describe("The instant the next step hangs on, for a countdown."),
        deadline: Instant.nullable().describe("When applications of the term close."),
        project: z.object({ slug: z.string(), title: z.string(), organization: z.object({ slug: z.string(), name: z.string() }) }),
        term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
        updatedAt: Instant,
        submittedAt: Instant.nullable(),
        preference: z
          .number()
          .int()
          .nullable()
          .describe("Your own place for it among your submitted applications of the term, from 1; null when you ranked none (the order of submission counts)."),
        rankable: z.boolean().describe("True while you may rank it among your submitted applications of the term (PUT /api/terms/{term}/my-ranking)."),
        offer: z
          .object({
            respondBy: Instant.describe("Accept or decline before this instant; the offer lapses at it."),
            fromWaitlist: z.boolean().describe("True when a place opened up after the notices and was offered to you."),
          })
          .nullable()
          .describe("The open offer of this application, while it is offered; null otherwise."),
      }),
    ),
  })
  .meta({ id: "MyApplications" });
/** My applications. */
export type MyApplicationsResponse = z.infer<typeof MyApplicationsResponse>;

/** `PUT /api/terms/{term}/my-ranking`: your submitted applications of the term in the order you prefer them, first choice first. */
export const MyRankingBody = z
  .object({
    applications: z
      .array(z.number().int().positive(), "must be a list of application ids")
      .max(100)
      .describe("Every one of your submitted applications of the term, once each, the one you want most first."),
  })
  .meta({ id: "MyRankingBody" });
/** A ranking of one's own applications as sent. */
export type MyRankingBody = z.infer<typeof MyRankingBody>;
