import { z } from "zod";
import { FUNNEL_STEPS } from "../domain/term-report.ts";
import { Instant } from "./instant.ts";

// A term's report for its program's admins, and the public summary of a published term: counts
// from proposals to paid stipends; the report adds applications per project and skills asked.

/** One step of a term's funnel: how many reached it, and its share of the step it is measured against. */
export const FunnelStepCount = z
  .object({
    step: z.enum(FUNNEL_STEPS),
    label: z.string().describe("What the step counts, e.g. “Offers accepted”."),
    count: z.number().int().min(0),
    base: z.enum(FUNNEL_STEPS).nullable().describe("The step this one is a share of; null where none is a part of another."),
    percentOfBase: z.number().nullable().describe("The count as a percentage of the base step's, one decimal; null without a base or when it is 0."),
  })
  .meta({ id: "FunnelStepCount" });

/** One step of a funnel. */
export type FunnelStepCount = z.infer<typeof FunnelStepCount>;

/** The term a report or summary is of. */
const ReportTerm = z.object({ slug: z.string(), title: z.string(), timeZone: z.string(), programSlug: z.string() });

/** An accepted project and how many applications (drafts aside) it has. */
export const ProjectCrowding = z
  .object({
    slug: z.string(),
    title: z.string(),
    organization: z.string(),
    applications: z.number().int().min(0),
  })
  .meta({ id: "ProjectCrowding" });

/** A project by its applications. */
export type ProjectCrowding = z.infer<typeof ProjectCrowding>;

/** A skill the term's accepted projects ask for, against how many of its applicants list it on their profile. */
export const SkillDemand = z
  .object({
    tag: z.string(),
    label: z.string(),
    projects: z.number().int().min(0).describe("Accepted projects asking for it."),
    applicants: z.number().int().min(0).describe("Applicants of the term listing it on their profile."),
  })
  .meta({ id: "SkillDemand" });

/** A skill asked for and held. */
export type SkillDemand = z.infer<typeof SkillDemand>;

/** `GET /api/terms/{term}/report`: a term's report for its program's admins. */
export const TermReport = z
  .object({
    term: ReportTerm,
    generatedAt: Instant,
    funnel: z.array(FunnelStepCount).describe("Every step in order, from proposals submitted to stipends paid in full."),
    projects: z.object({
      total: z.number().int().min(0).describe("Accepted projects; the CSV lists every one."),
      mostCrowded: z.array(ProjectCrowding).describe("The five with the most applications, most first."),
      leastCrowded: z.array(ProjectCrowding).describe("The five with the fewest, fewest first; none of the most crowded."),
    }),
    skills: z.object({
      total: z.number().int().min(0).describe("Skills the accepted projects ask for; the CSV lists every one."),
      items: z.array(SkillDemand).describe("The fifteen most asked for, most first."),
    }),
  })
  .meta({ id: "TermReport" });

/** A term's report. */
export type TermReport = z.infer<typeof TermReport>;

/** `GET /api/terms/{term}/report.csv`: one table of the report as CSV. */
export const TermReportCsv = z.string().describe("text/csv");

/** `GET /api/terms/{term}/summary`: a published term in numbers, for anyone. */
export const TermInNumbers = z
  .object({
    term: ReportTerm,
    aggregate: z.literal(true).describe("Always true: every field is a count over the whole term; nothing names or describes a person."),
    funnel: z.array(FunnelStepCount),
  })
  .meta({ id: "TermInNumbers", description: "Aggregate counts of a published term, with no personal data." });

/** A term's public summary. */
export type TermInNumbers = z.infer<typeof TermInNumbers>;
