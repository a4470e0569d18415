import { z } from "zod";
import { PROJECT_STATES } from "../domain/project-states.ts";
import { SingleLineText } from "./text.ts";

/** The kinds of phase in a term's timeline, in lifecycle order. */
export const PhaseKindSchema = z.enum(["proposals", "applications", "review", "notifications", "start", "midterm", "final", "end"]);

/** A term's status, derived from its timeline and the clock. */
export const TermStatusSchema = z.enum(["planned", "proposals_open", "applications_open", "in_review", "selections_announced", "in_progress", "complete"]);

const Instant = z.string().describe("An instant, ISO 8601 in UTC (e.g. 2024-05-29T00:00:00.000Z).");

/** The next thing that opens or closes in a term. */
export const DeadlineSchema = z
  .object({
    kind: PhaseKindSchema,
    activity: z.string().describe("The phase as the program words it."),
    event: z.enum(["opens", "closes", "day"]).describe("`day`: a date without a time, such as the first or last day of the term."),
    at: Instant,
  })
  .meta({ id: "Deadline" });

/** A term as lists show it. */
export const TermSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    programSlug: z.string(),
    timeZone: z.string().describe("The term's IANA time zone; deadlines are entered and shown in it."),
    status: TermStatusSchema,
    statusLabel: z.string(),
    nextDeadline: DeadlineSchema.nullable(),
  })
  .meta({ id: "TermSummary" });

/** A program with its current term. */
export const ProgramSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    applicationLimit: z.number().int(),
    currentTerm: TermSummarySchema.nullable().describe("The term that is running or comes next; the latest one when all are complete."),
    termCount: z.number().int(),
  })
  .meta({ id: "ProgramSummary" });

/** One phase of a term's timeline. */
export const PhaseSchema = z
  .object({
    kind: PhaseKindSchema.nullable(),
    activity: z.string(),
    text: z.string().describe("The date as the program wrote it, kept verbatim."),
    startsAt: Instant.nullable(),
    endsAt: Instant.nullable(),
    state: z.enum(["past", "current", "upcoming", "undated"]),
  })
  .meta({ id: "Phase" });

/** Whether applying is possible now, and the words to show. */
export const ApplyStateSchema = z
  .object({
    state: z.enum(["open", "not_yet_open", "closed", "not_scheduled"]),
    message: z.string(),
    opensAt: Instant.nullable(),
    closesAt: Instant.nullable(),
  })
  .meta({ id: "ApplyState" });

/** A term with its timeline. */
export const TermDetailSchema = TermSummarySchema.extend({
  programName: z.string(),
  lengthText: z.string().nullable(),
  statusText: z.string().nullable().describe("The status line of the term page, as written."),
  phases: z.array(PhaseSchema),
  apply: ApplyStateSchema,
  counts: z.object({ organizations: z.number().int(), projects: z.number().int(), mentors: z.number().int() }),
  calendarUrl: z.string(),
}).meta({ id: "TermDetail" });

/** A skill tag with its display label. */
export const SkillSchema = z.object({ tag: z.string(), label: z.string() }).meta({ id: "Skill" });

/** A mentor as the public sees them; `email` only when the mentor made it public. */
export const PublicMentorSchema = z
  .object({
    name: z.string(),
    handle: z.string().nullable(),
    githubUrl: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: "PublicMentor" });

/** A project as a catalog card shows it. */
export const ProjectCardSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    termSlug: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    summary: z.string().describe("The start of the description as plain text, for the card."),
    skills: z.array(SkillSchema),
    mentors: z.array(z.object({ name: z.string(), handle: z.string().nullable() })),
    slots: z.number().int(),
  })
  .meta({ id: "ProjectCard" });

/** One value of a facet and how many projects of the current filter have it. */
export const FacetValueSchema = z.object({ name: z.string(), label: z.string(), count: z.number().int() }).meta({ id: "FacetValue" });

/** A page of the catalog with facet counts over the current filter. */
export const CatalogResponseSchema = z
  .object({
    items: z.array(ProjectCardSchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    facets: z.object({ skills: z.array(FacetValueSchema), organizations: z.array(FacetValueSchema) }),
  })
  .meta({ id: "CatalogPage" });

/** The most values of one catalog filter (skills or organizations) in a query. */
export const MAX_FILTER_VALUES = 50;

/** A filter given once or several times in a query string, as a list of at most MAX_FILTER_VALUES. */
function repeatedParameter(value: z.ZodString) {
  return z
    .union([value, z.array(value)])
    .optional()
    .transform((given) => (given === undefined ? [] : Array.isArray(given) ? given : [given]))
    .refine((list) => list.length <= MAX_FILTER_VALUES, `must be given at most ${MAX_FILTER_VALUES} times`);
}

/** The catalog's query string: every filter lives in the URL. */
export const CatalogQuerySchema = z.object({
  q: SingleLineText.trim().max(200, "must be at most 200 characters").optional().describe("Free text over title, description, outcome and skills, ranked."),
  skill: repeatedParameter(SingleLineText.max(100, "must be at most 100 characters")).describe("Skill tags; a project must have every one."),
  org: repeatedParameter(SingleLineText.max(200, "must be at most 200 characters")).describe("Organization slugs; a project may belong to any of them."),
  page: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(10_000).default(1),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(100, "must be at most 100").default(20),
});

/** A project with everything its page shows. */
export const ProjectDetailSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string(), status: TermStatusSchema }),
    program: z.object({ slug: z.string(), name: z.string() }),
    organization: z.object({ slug: z.string(), name: z.string() }),
    state: z.enum(PROJECT_STATES),
    slots: z.number().int(),
    descriptionHtml: z.string().describe("The description rendered from Markdown and sanitized."),
    expectedOutcomeHtml: z.string(),
    skills: z.array(SkillSchema),
    skillsText: z.string(),
    mentors: z.array(PublicMentorSchema),
    upstreamIssues: z.array(z.string()),
    externalUrl: z.string().nullable(),
    apply: ApplyStateSchema,
  })
  .meta({ id: "ProjectDetail" });

/** A program. */
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;
/** A term in a list. */
export type TermSummary = z.infer<typeof TermSummarySchema>;
/** A term with its timeline. */
export type TermDetail = z.infer<typeof TermDetailSchema>;
/** One phase. */
export type Phase = z.infer<typeof PhaseSchema>;
/** A catalog card. */
export type ProjectCard = z.infer<typeof ProjectCardSchema>;
/** A catalog page. */
export type CatalogResponse = z.infer<typeof CatalogResponseSchema>;
/** A project page. */
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
/** The apply button's state. */
export type ApplyState = z.infer<typeof ApplyStateSchema>;
