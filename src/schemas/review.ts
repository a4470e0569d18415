import { z } from "zod";
import { APPLICATION_STATES } from "../domain/application-states.ts";
import { REVIEW_MARKS, REVIEW_SCORE } from "../domain/review-marks.ts";
import { Instant } from "./instant.ts";

// The mentors' review of a project's applications (WORKFLOW.md, "Review and selection"): each
// mentor's score, the notes mentors write, the project's mark and the ranking of its shortlist,
// and a mentor's conflict of interest. Applicants never see any of it.

/** The most characters of one note. */
export const REVIEW_NOTE_MAX_LENGTH = 4000;

/** `PUT /api/applications/{application}/review/score`: the caller's score, or null to take it back. */
export const ScoreBody = z
  .object({
    score: z
      .number("must be a whole number from 1 to 5, or null")
      .int("must be a whole number from 1 to 5")
      .min(REVIEW_SCORE.min, `must be from ${REVIEW_SCORE.min} to ${REVIEW_SCORE.max}`)
      .max(REVIEW_SCORE.max, `must be from ${REVIEW_SCORE.min} to ${REVIEW_SCORE.max}`)
      .nullable()
      .describe("1 (weak) to 5 (strong); null takes the caller's score back."),
  })
  .meta({ id: "ScoreBody" });
/** A score as sent. */
export type ScoreBody = z.infer<typeof ScoreBody>;

/** `POST /api/applications/{application}/review/notes`: a private note for the co-mentors and admins. */
export const NoteBody = z
  .object({
    body: z
      .string("must be text")
      .trim()
      .min(1, "must not be empty")
      .max(REVIEW_NOTE_MAX_LENGTH, `must be at most ${REVIEW_NOTE_MAX_LENGTH} characters`)
      .refine((text) => !text.includes("\u0000"), "must not contain NUL characters"),
  })
  .meta({ id: "NoteBody" });
/** A note as sent. */
export type NoteBody = z.infer<typeof NoteBody>;

/** `PUT /api/applications/{application}/review/mark`: shortlisted, not shortlisted, or undecided (null). */
export const MarkBody = z
  .object({
    mark: z
      .enum(REVIEW_MARKS, "must be shortlisted, not_shortlisted or null")
      .nullable()
      .describe("Shortlisting puts the application last in the project's ranking; any other mark takes it out."),
  })
  .meta({ id: "MarkBody" });
/** A mark as sent. */
export type MarkBody = z.infer<typeof MarkBody>;

/** `PUT /api/projects/{project}/shortlist`: the project's whole shortlist in its strict order, best first. */
export const ShortlistBody = z
  .object({
    applications: z
      .array(z.number().int().positive(), "must be a list of application ids")
      .max(10_000)
      .describe("Every shortlisted application of the project, once each, best first."),
  })
  .meta({ id: "ShortlistBody" });
/** A ranking as sent. */
export type ShortlistBody = z.infer<typeof ShortlistBody>;

const Person = z.object({ name: z.string(), githubHandle: z.string().nullable() });

/** One application as its project's review queue lists it. */
export const ReviewQueueItem = z
  .object({
    id: z.number().int(),
    state: z.enum(APPLICATION_STATES),
    submittedAt: Instant.nullable(),
    applicant: Person.extend({ pronouns: z.string().nullable(), country: z.string().nullable() }),
    mark: z.enum(REVIEW_MARKS).nullable(),
    shortlistRank: z.number().int().nullable(),
    myScore: z.number().int().nullable().describe("The caller's own score; null when they have not scored it."),
    scores: z.object({ count: z.number().int(), average: z.number().nullable() }),
    notes: z.number().int().describe("How many notes mentors and admins wrote on it."),
    otherApplications: z.number().int().describe("How many other applications of the term its applicant submitted (not to which projects)."),
    conflicts: z.number().int().describe("How many of the project's mentors declared a conflict of interest with it (admins only; 0 for mentors)."),
  })
  .meta({ id: "ReviewQueueItem" });
/** A queue item. */
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

/** `GET /api/projects/{project}/review`: the project's applications to review, and whether review is open. */
export const ReviewQueueResponse = z
  .object({
    project: z.object({ slug: z.string(), title: z.string(), slots: z.number().int() }),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    review: z.object({ open: z.boolean(), message: z.string() }).describe("Whether mentors may score, shortlist and rank now."),
    canReview: z.boolean().describe("True for the project's mentors: they score, shortlist and rank; admins read."),
    items: z.array(ReviewQueueItem),
  })
  .meta({ id: "ReviewQueueResponse" });
/** A review queue. */
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponse>;

/** `GET /api/applications/{application}/review`: everything mentors and admins decided about one application. */
export const ApplicationReview = z
  .object({
    applicationId: z.number().int(),
    mark: z.enum(REVIEW_MARKS).nullable(),
    shortlistRank: z.number().int().nullable(),
    markedAt: Instant.nullable(),
    scores: z.array(z.object({ mentor: z.string(), score: z.number().int(), mine: z.boolean(), updatedAt: Instant })),
    notes: z.array(z.object({ id: z.number().int(), author: z.string(), body: z.string(), createdAt: Instant })),
    otherApplications: z.number().int(),
    conflicts: z
      .array(z.object({ mentor: z.string(), createdAt: Instant }))
      .describe("Mentors who declared a conflict of interest (admins only; empty for mentors)."),
    canReview: z.boolean(),
  })
  .meta({ id: "ApplicationReview" });
/** An application's review. */
export type ApplicationReview = z.infer<typeof ApplicationReview>;

/** `POST /api/projects/{project}/review/not-shortlisted`: the undecided applications the preview showed, to mark not shortlisted at once. */
export const RestNotShortlistedBody = z
  .object({
    applications: z
      .array(z.number().int().positive(), "must be a list of application ids")
      .max(10_000)
      .describe("The project's undecided applications as the preview listed them; each must still be undecided."),
  })
  .meta({ id: "RestNotShortlistedBody" });
/** A bulk mark as sent. */
export type RestNotShortlistedBody = z.infer<typeof RestNotShortlistedBody>;
