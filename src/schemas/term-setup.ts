import { z } from "zod";
import { PHASE_KINDS } from "../domain/phases.ts";
import { Instant } from "./instant.ts";
import { Slug } from "./slug.ts";
import { SingleLineText } from "./text.ts";

/** A wall-clock date and time in the term's zone, to the minute: `2026-02-04T17:00`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a local date and time like 2026-02-04T17:00")
  .meta({ id: "LocalDateTime" });

/**
 * Which of two instants an ambiguous local time means (the hour a zone repeats when clocks go
 * back): `earlier` is the first pass (daylight time), `later` the second (standard time).
 */
export const Fold = z.enum(["earlier", "later"]);
/** Which of two instants an ambiguous local time means. */
export type Fold = z.infer<typeof Fold>;

/** One row of a term's timeline as an admin enters it. */
export const TimelineRowBody = z
  .object({
    kind: z.enum(PHASE_KINDS).nullable().describe("The phase kind of SPEC.md, or null for a free-worded extra row."),
    activity: SingleLineText.pipe(z.string().trim().min(1, "must name the row").max(200)),
    startsLocal: LocalDateTime.nullable(),
    endsLocal: LocalDateTime.nullable(),
    startsFold: Fold.optional().describe("Only for an ambiguous start: which of the two instants it means."),
    endsFold: Fold.optional().describe("Only for an ambiguous end: which of the two instants it means."),
  })
  .meta({ id: "TimelineRowBody" });
/** One timeline row as entered. */
export type TimelineRowBody = z.infer<typeof TimelineRowBody>;

/** A new term: its settings and its whole timeline (also the JSON file of `cohort term create`). */
export const TermSetupBody = z
  .object({
    title: SingleLineText.pipe(z.string().trim().min(1, "must not be empty").max(120)),
    slug: Slug.max(80).optional().describe("Suggested from the title when left out; editable until the term is published."),
    timeZone: z.string().min(1).max(64).describe("The term's IANA time zone (America/Los_Angeles): the timeline is entered in it."),
    lengthWeeks: z.number().int().min(1).max(52).nullable(),
    slotBudget: z.number().int().min(0).max(100000).nullable().optional().describe("Funded mentorships; the program's default when left out."),
    timeline: z.array(TimelineRowBody).max(40),
  })
  .meta({ id: "TermSetupBody" });
/** A new term as entered. */
export type TermSetupBody = z.infer<typeof TermSetupBody>;

/** Changes to a term: any of its settings, or its whole timeline. */
export const TermUpdateBody = TermSetupBody.partial()
  .extend({
    confirmClosingOpenPhase: z
      .boolean()
      .optional()
      .describe("Must be true when the change closes a phase that is open now; without it such a change is refused with CONFIRMATION_REQUIRED."),
  })
  .meta({ id: "TermUpdateBody" });
/** Changes to a term. */
export type TermUpdateBody = z.infer<typeof TermUpdateBody>;

/** "New term like this one": the copy's title and slug and how far its timeline moves. */
export const TermCopyBody = z
  .object({
    title: SingleLineText.pipe(z.string().trim().min(1, "must not be empty").max(120)),
    slug: Slug.max(80).optional(),
    shiftWeeks: z.number().int().min(-260).max(260).describe("Every date of the timeline moves by this many weeks, at the same local time."),
  })
  .meta({ id: "TermCopyBody" });
/** A copy's title, slug and shift. */
export type TermCopyBody = z.infer<typeof TermCopyBody>;

/** One row of a term's timeline as the admin's editor shows it: local times and the instants they name. */
export const TimelineRowSetup = z
  .object({
    kind: z.enum(PHASE_KINDS).nullable(),
    activity: z.string(),
    startsLocal: LocalDateTime.nullable(),
    endsLocal: LocalDateTime.nullable(),
    startsAt: Instant.nullable(),
    endsAt: Instant.nullable(),
    startsFold: Fold.optional().describe("Only when the start's local time happens twice: which of the two it is, to send back unchanged."),
    endsFold: Fold.optional().describe("Only when the end's local time happens twice: which of the two it is, to send back unchanged."),
  })
  .meta({ id: "TimelineRowSetup" });
/** A timeline row in the editor. */
export type TimelineRowSetup = z.infer<typeof TimelineRowSetup>;

/** A term as its admins edit it, draft or published. */
export const TermSetup = z
  .object({
    slug: z.string(),
    programSlug: z.string(),
    title: z.string(),
    timeZone: z.string(),
    lengthWeeks: z.number().int().nullable(),
    slotBudget: z.number().int().nullable(),
    published: z.boolean(),
    publishedAt: Instant.nullable(),
    slugEditable: z.boolean().describe("A slug can change until the term is published."),
    timeline: z.array(TimelineRowSetup),
  })
  .meta({ id: "TermSetup" });
/** A term in the admin's editor. */
export type TermSetup = z.infer<typeof TermSetup>;
