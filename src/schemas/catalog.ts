import { z } from "zod";
import { PHASE_KINDS } from "../domain/phases.ts";
import { PROJECT_STATES } from "../domain/project-states.ts";
import { TERM_STATUSES } from "../domain/term-status.ts";
import { ApplicantCount } from "./application.ts";
import { Instant } from "./instant.ts";

const PhaseKind = z.enum(PHASE_KINDS);

const TermStatus = z.enum(TERM_STATUSES);

/** The next thing that opens or closes in a term. */
export const Deadline = z
  .object({
    kind: PhaseKind,
    activity: z.string().describe("The phase as the program words it."),
    event: z.enum(["opens", "closes", "day"]).describe("`day`: a date without a time, such as the first or last day of the term."),
    at: Instant,
  })
  .meta({ id: "Deadline" });
/** The next thing that opens or closes. */
export type Deadline = z.infer<typeof Deadline>;

/** A term as lists show it. */
export const TermSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    programSlug: z.string(),
    timeZone: z.string().describe("The term's IANA time zone; deadlines are entered and shown in it."),
    status: TermStatus,
    statusLabel: z.string(),
    nextDeadline: Deadline.nullable(),
    startsAt: Instant.nullable().describe("The first date of the term's timeline, or null when it has none."),
    endsAt: Instant.nullable().describe("The last instant of the term's timeline (exclusive: a last day ends at the next midnight), or null."),
    draft: z.boolean().describe("True for a term not published yet: only its program's admins see it."),
  })
  .meta({ id: "TermSummary" });
/** A term in a list. */
export type TermSummary = z.infer<typeof TermSummary>;

/** A program with its current term. */
export const ProgramSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    applicationLimit: z.number().int(),
    currentTerm: TermSummary.nullable().describe("The term that is running or comes next; the latest one when all are complete."),
    termCount: z.number().int(),
  })
  .meta({ id: "ProgramSummary" });
/** A program with its current term. */
export type ProgramSummary = z.infer<typeof ProgramSummary>;

/** One phase of a term's timeline. */
export const Phase = z
  .object({
    kind: PhaseKind.nullable(),
    activity: z.string(),
    text: z.string().describe("The date as the program wrote it, kept verbatim."),
    startsAt: Instant.nullable(),
    endsAt: Instant.nullable(),
    state: z.enum(["past", "current", "upcoming", "undated"]),
  })
  .meta({ id: "Phase" });
/** One phase of a timeline. */
export type Phase = z.infer<typeof Phase>;

/** Whether applying is possible now, and the words to show. */
export const ApplyState = z
  .object({
    state: z.enum(["open", "not_yet_open", "closed", "not_scheduled"]),
    message: z.string(),
    opensAt: Instant.nullable(),
    closesAt: Instant.nullable(),
  })
  .meta({ id: "ApplyState" });
/** The apply button's state. */
export type ApplyState = z.infer<typeof ApplyState>;

/** A term with its timeline. */
export const TermDetail = TermSummary.extend({
  programName: z.string(),
  lengthText: z.string().nullable(),
  statusText: z.string().nullable().describe("The status line of the term page, as written."),
  phases: z.array(Phase),
  apply: ApplyState,
  counts: z.object({ organizations: z.number().int(), projects: z.number().int(), mentors: z.number().int() }),
  calendarUrl: z.string(),
}).meta({ id: "TermDetail" });
/** A term with its timeline. */
export type TermDetail = z.infer<typeof TermDetail>;

/** A skill tag with its display label. */
export const Skill = z.object({ tag: z.string(), label: z.string() }).meta({ id: "Skill" });
/** A skill tag and its label. */
export type Skill = z.infer<typeof Skill>;

/** A mentor as the public sees them; `email` only as the project's own term page published it. */
export const PublicMentor = z
  .object({
    name: z.string(),
    handle: z.string().nullable(),
    githubUrl: z.string().nullable(),
    email: z.string().nullable().describe("The address this project's term page gives for the mentor, or null when it gives none."),
  })
  .meta({ id: "PublicMentor" });
/** A mentor as the public sees them. */
export type PublicMentor = z.infer<typeof PublicMentor>;

/** A project as a catalog card shows it. */
export const ProjectCard = z
  .object({
    slug: z.string(),
    title: z.string(),
    termSlug: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    summary: z.string().describe("The start of the description as plain text, for the card."),
    skills: z.array(Skill),
    mentors: z.array(z.object({ name: z.string(), handle: z.string().nullable() })),
    slots: z.number().int(),
    applicants: ApplicantCount,
    capReached: z.boolean().describe("True when the mentors' soft cap is reached: the project takes no new applications."),
  })
  .meta({ id: "ProjectCard" });
/** A catalog card. */
export type ProjectCard = z.infer<typeof ProjectCard>;

/** One value of a facet and how many projects of the current filter have it. */
export const FacetValue = z.object({ name: z.string(), label: z.string(), count: z.number().int() }).meta({ id: "FacetValue" });
/** One facet value and its count. */
export type FacetValue = z.infer<typeof FacetValue>;

/** A page of the catalog with facet counts over the current filter. */
export const CatalogResponse = z
  .object({
    items: z.array(ProjectCard),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    facets: z.object({ skills: z.array(FacetValue), organizations: z.array(FacetValue) }),
  })
  .meta({ id: "CatalogPage" });
/** A catalog page. */
export type CatalogResponse = z.infer<typeof CatalogResponse>;

/** A run of plain text, or a link with its text. */
export const TextPart = z.object({ text: z.string(), url: z.string().nullable().describe("An http(s) URL; null for plain text.") }).meta({ id: "TextPart" });
/** Plain text or a link. */
export type TextPart = z.infer<typeof TextPart>;

/** Where and how people apply to a project while applying in Cohort does not exist yet. */
export const HowToApply = z
  .object({
    url: z.string().nullable().describe("The program's own application page for this project (its LFX Mentorship page); null when the term page links none."),
    site: z.string().nullable().describe('The name of that site, e.g. "LFX Mentorship".'),
    instructions: z
      .array(TextPart)
      .describe("How the program takes applications, from the application instructions of the term page, as text and links; empty when the page gives none."),
  })
  .meta({ id: "HowToApply" });
/** Where and how to apply. */
export type HowToApply = z.infer<typeof HowToApply>;

/** A project of the same term that shares skills with the one shown and has fewer applicants. */
export const SimilarProject = z
  .object({
    slug: z.string(),
    title: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    sharedSkills: z.array(Skill).describe("The skills it shares with the project shown."),
    applicants: ApplicantCount,
  })
  .meta({ id: "SimilarProject" });
/** A similar project with fewer applicants. */
export type SimilarProject = z.infer<typeof SimilarProject>;

/** A project with everything its page shows. */
export const ProjectDetail = z
  .object({
    slug: z.string(),
    title: z.string(),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string(), status: TermStatus }),
    program: z.object({ slug: z.string(), name: z.string() }),
    organization: z.object({ slug: z.string(), name: z.string() }),
    state: z.enum(PROJECT_STATES),
    slots: z.number().int(),
    descriptionHtml: z.string().describe("The description rendered from Markdown and sanitized."),
    expectedOutcomeHtml: z.string(),
    skills: z.array(Skill),
    skillsText: z.string(),
    mentors: z.array(PublicMentor),
    upstreamIssues: z.array(z.string()),
    externalUrl: z.string().nullable(),
    apply: ApplyState,
    application: HowToApply,
    applicants: ApplicantCount,
    capReached: z.boolean().describe("True when the mentors' soft cap is reached: the project takes no new applications."),
    similar: z
      .array(SimilarProject)
      .describe("Up to three accepted projects of the term that share skills and have fewer applicants, most shared skills first."),
  })
  .meta({ id: "ProjectDetail" });
/** A project page. */
export type ProjectDetail = z.infer<typeof ProjectDetail>;

/** `GET /api/programs`. */
export const ProgramListResponse = z.object({ items: z.array(ProgramSummary) }).meta({ id: "ProgramList" });
/** Every program. */
export type ProgramListResponse = z.infer<typeof ProgramListResponse>;

/** A term in its program's list: its summary and how many projects it accepted. */
export const TermListItem = TermSummary.extend({ projectCount: z.number().int().describe("Accepted projects in the term's catalog.") }).meta({
  id: "TermListItem",
});
/** A term in its program's list. */
export type TermListItem = z.infer<typeof TermListItem>;

/** `GET /api/programs/{program}/terms`: newest first. */
export const TermListResponse = z.object({ items: z.array(TermListItem) }).meta({ id: "TermList" });
/** A program's terms. */
export type TermListResponse = z.infer<typeof TermListResponse>;

/** `GET /api/terms/{term}/calendar.ics`: the timeline as iCalendar text. */
export const CalendarResponse = z.string().describe("text/calendar");
