import { z } from "zod";
import { APPLICATION_STATES } from "../domain/application-states.ts";
import { ApplyState } from "./catalog.ts";
import { Instant } from "./instant.ts";

// The mentors' and admins' side of applications: a project's soft cap, the mentor's projects
// with their counts, a project's applications, and every application of a term for its admins.

/** The most applications a mentor's soft cap may name. */
const APPLICATION_CAP_MAX = 100_000;

/** `PATCH /api/projects/{project}/application-settings`: the mentors' soft cap, or null for none. */
export const ApplicationSettingsBody = z
  .object({
    applicationCap: z
      .number("must be a whole number or null")
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(APPLICATION_CAP_MAX, `must be at most ${APPLICATION_CAP_MAX}`)
      .nullable()
      .describe("No new applications once this many are submitted; null for no cap. Lowering it never removes a submitted application."),
  })
  .meta({ id: "ApplicationSettingsBody" });
/** A project's application settings as sent. */
export type ApplicationSettingsBody = z.infer<typeof ApplicationSettingsBody>;

const ProjectRef = z.object({
  slug: z.string(),
  title: z.string(),
  organization: z.object({ slug: z.string(), name: z.string() }),
  term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
});

/** A project's applications as its mentors and admins count them, and whether it takes new ones. */
export const ProjectApplicationCounts = z
  .object({
    submitted: z.number().int().describe("Submitted applications, and those decided since (withdrawn ones not)."),
    drafts: z.number().int().describe("Drafts applicants have started and not submitted."),
    applicationCap: z.number().int().nullable(),
    capReached: z.boolean().describe("True when the soft cap is reached: the project takes no new applications."),
  })
  .meta({ id: "ProjectApplicationCounts" });
/** A project's application counts. */
export type ProjectApplicationCounts = z.infer<typeof ProjectApplicationCounts>;

/** One project its mentor sees on "Mentoring". */
export const MentoringProject = z
  .object({
    project: ProjectRef,
    counts: ProjectApplicationCounts,
    apply: ApplyState.describe("Whether applications are open now, and the deadline."),
  })
  .meta({ id: "MentoringProject" });
/** A mentored project. */
export type MentoringProject = z.infer<typeof MentoringProject>;

/** `GET /api/me/mentoring`: the caller's accepted projects, newest term first. */
export const MentoringResponse = z.object({ items: z.array(MentoringProject) }).meta({ id: "MentoringResponse" });
/** The caller's mentored projects. */
export type MentoringResponse = z.infer<typeof MentoringResponse>;

/** An applicant as the mentors and admins of the projects they applied to see them in a list. */
const ApplicantSummary = z.object({
  name: z.string(),
  githubHandle: z.string().nullable(),
  pronouns: z.string().nullable(),
});

/** One application in a project's list: who, when, and its state. */
export const ProjectApplicationItem = z
  .object({
    id: z.number().int(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    applicant: ApplicantSummary,
    submittedAt: Instant.nullable(),
  })
  .meta({ id: "ProjectApplicationItem" });
/** One application of a project. */
export type ProjectApplicationItem = z.infer<typeof ProjectApplicationItem>;

/** `GET /api/projects/{project}/applications`: a project's submitted applications, read-only, for its mentors and admins. */
export const ProjectApplicationsResponse = z
  .object({
    project: ProjectRef,
    counts: ProjectApplicationCounts,
    apply: ApplyState,
    items: z.array(ProjectApplicationItem),
  })
  .meta({ id: "ProjectApplicationsResponse" });
/** A project's applications. */
export type ProjectApplicationsResponse = z.infer<typeof ProjectApplicationsResponse>;

/** An applicant's eligibility for the term: answered and eligible (or the term asks nothing), disqualified, or not answered yet. */
export const ApplicantEligibility = z.enum(["eligible", "not_eligible", "unanswered"]).meta({ id: "ApplicantEligibility" });
/** An applicant's eligibility for the term. */
export type ApplicantEligibility = z.infer<typeof ApplicantEligibility>;

/** One application in the admins' list of a term. */
export const TermApplicationItem = z
  .object({
    id: z.number().int(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    applicant: ApplicantSummary.extend({ email: z.string().nullable() }),
    project: z.object({ slug: z.string(), title: z.string(), organization: z.object({ slug: z.string(), name: z.string() }) }),
    eligibility: ApplicantEligibility,
    submittedAt: Instant.nullable(),
    updatedAt: Instant,
  })
  .meta({ id: "TermApplicationItem" });
/** One application of a term. */
export type TermApplicationItem = z.infer<typeof TermApplicationItem>;

/** `GET /api/terms/{term}/applications`: one page of a term's applications with how many match, for its admins. */
export const TermApplicationsResponse = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    items: z.array(TermApplicationItem),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    states: z.record(z.enum(APPLICATION_STATES), z.number().int()).describe("How many applications of the term are in each state, whatever the filters."),
    organizations: z.array(z.object({ slug: z.string(), name: z.string() })).describe("The organizations with projects in the term, to filter by."),
  })
  .meta({ id: "TermApplicationsResponse" });
/** A page of a term's applications. */
export type TermApplicationsResponse = z.infer<typeof TermApplicationsResponse>;

/** `GET /api/terms/{term}/applications.csv`: every matching application as RFC 4180 CSV. */
export const TermApplicationsCsv = z.string().describe("text/csv");

/** `GET /api/applications/{application}/applicant`: the applicant's profile as the project's mentors and the program's admins read it beside the application. */
export const ApplicantProfile = z
  .object({
    name: z.string(),
    pronouns: z.string().nullable(),
    githubHandle: z.string().nullable(),
    githubUrl: z.string().nullable(),
    country: z.string().nullable(),
    timeZone: z.string().nullable(),
    skills: z.array(z.string()).describe("The skill tags the applicant lists on their profile."),
    portfolioUrl: z.string().nullable(),
    cvUrl: z.string().nullable(),
  })
  .meta({ id: "ApplicantProfile" });
/** An applicant's profile beside their application. */
export type ApplicantProfile = z.infer<typeof ApplicantProfile>;
