import { APPLICANT_BAND_LABELS, applicantBand, softCapReached } from "../domain/applicant-bands.ts";
import { applicationSiteOf } from "../domain/application-sites.ts";
import { checkActionOpen } from "../domain/phase-actions.ts";
import { termStatusAt } from "../domain/term-status.ts";
import { termDisplayTitle } from "../domain/term-title.ts";
import type { TermTimeline } from "../domain/timeline.ts";
import { markdownTextParts } from "../markdown/markdown-text-parts.ts";
import type { ApplicantCount } from "../schemas/application.ts";
import type { CatalogResponse, HowToApply, ProjectCard, ProjectDetail } from "../schemas/catalog.ts";
import type { CatalogRow, FacetCount, ProgramRow, ProjectDetails, ProjectMentor, ProjectWithDetails, SimilarProjectRow, TermRow } from "../storage/schema.ts";
import { presentApplyState } from "./term-presenter.ts";

const GITHUB_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** How many submitted applications a project has, and its soft cap. */
interface Standing {
  submitted: number;
  applicationCap: number | null;
}

/** A project's applicants as the public sees them: a coarse band, never the number. */
function presentApplicantCount(submitted: number): ApplicantCount {
  const band = applicantBand(submitted);
  return { band, label: APPLICANT_BAND_LABELS[band] };
}

/** A project as a catalog card shows it: no emails, the plain-text summary stored with it, its applicant band and whether it takes new applications. */
export function presentProjectCard(row: CatalogRow & ProjectDetails, termSlug: string, standing: Standing): ProjectCard {
  return {
    slug: row.slug,
    title: row.title,
    termSlug,
    organization: { slug: row.organizationSlug, name: row.organizationName },
    summary: row.summary,
    skills: row.skills.map((skill) => ({ tag: skill.tag, label: skill.label })),
    mentors: row.mentors.map((mentor) => ({ name: mentorName(mentor), handle: mentor.githubHandle })),
    slots: row.slots,
    applicants: presentApplicantCount(standing.submitted),
    capReached: softCapReached(standing.submitted, standing.applicationCap),
  };
}

/** One page of a term's catalog: its project cards, how many match in all, and the facet counts. */
export function presentCatalogPage(
  found: {
    term: Pick<TermRow, "slug">;
    projects: Array<CatalogRow & ProjectDetails>;
    total: number;
    skills: FacetCount[];
    organizations: FacetCount[];
    standings: ReadonlyMap<number, Standing>;
  },
  query: { page: number; limit: number },
): CatalogResponse {
  return {
    items: found.projects.map((row) => presentProjectCard(row, found.term.slug, found.standings.get(row.id) ?? { submitted: 0, applicationCap: null })),
    total: found.total,
    page: query.page,
    limit: query.limit,
    facets: { skills: found.skills, organizations: found.organizations },
  };
}

/**
 * A project page at `now`: the HTML rendered and sanitized when the project was written, mentors
 * with GitHub links, each mentor's email only as this project's own term page published it (never
 * the address the person has elsewhere), whether applying is open, its applicant band and
 * whether it takes new applications, and similar projects with fewer applicants.
 */
export function presentProjectDetail(
  found: { project: ProjectWithDetails; term: TermRow; program: ProgramRow; timeline: TermTimeline; standing: Standing; similar: SimilarProjectRow[] },
  now: Date,
): ProjectDetail {
  const { project, term, program, timeline, standing } = found;
  return {
    slug: project.slug,
    title: project.title,
    term: { slug: term.slug, title: termDisplayTitle(term.title, timeline), timeZone: term.timeZone, status: termStatusAt(timeline, now) },
    program: { slug: program.slug, name: program.name },
    organization: { slug: project.organizationSlug, name: project.organizationName },
    state: project.state,
    slots: project.slots,
    descriptionHtml: project.descriptionHtml,
    expectedOutcomeHtml: project.expectedOutcomeHtml,
    skills: project.skills.map((skill) => ({ tag: skill.tag, label: skill.label })),
    skillsText: project.skillsText,
    mentors: project.mentors.map((mentor) => ({
      name: mentorName(mentor),
      handle: mentor.githubHandle,
      githubUrl: mentor.githubHandle && GITHUB_HANDLE.test(mentor.githubHandle) ? `https://github.com/${mentor.githubHandle}` : null,
      email: mentor.contactEmail,
    })),
    upstreamIssues: project.upstreamIssues.filter(isWebUrl),
    externalUrl: project.externalUrl && isWebUrl(project.externalUrl) ? project.externalUrl : null,
    apply: presentApplyState(checkActionOpen({ ...timeline, title: termDisplayTitle(term.title, timeline) }, "submitApplication", now)),
    application: presentHowToApply(project.externalUrl, term.sections),
    applicants: presentApplicantCount(standing.submitted),
    capReached: softCapReached(standing.submitted, standing.applicationCap),
    similar: found.similar.map((similar) => ({
      slug: similar.slug,
      title: similar.title,
      organization: { slug: similar.organizationSlug, name: similar.organizationName },
      sharedSkills: similar.sharedSkills,
      applicants: presentApplicantCount(similar.submitted),
    })),
  };
}

// "Application instructions" on the CNCF pages; "How to apply" and "Mentee instructions" elsewhere.
const APPLICATION_HEADING = /^(?:(?:mentee |student )?application instructions?|how to apply|mentee instructions?)$/i;

/**
 * What the term page itself says about applying: the project's page on the program's
 * application site, when the term page links one (an imported past term), and the term page's
 * application instructions.
 */
function presentHowToApply(externalUrl: string | null, sectionsJson: string): HowToApply {
  const site = externalUrl ? applicationSiteOf(externalUrl) : null;
  const section = readSections(sectionsJson).find((candidate) => APPLICATION_HEADING.test(candidate.heading.trim()));
  return { url: site ? externalUrl : null, site, instructions: section ? markdownTextParts(section.text) : [] };
}

/** The prose sections the import stored as JSON; anything else there reads as none. */
function readSections(json: string): Array<{ heading: string; text: string }> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is { heading: string; text: string } =>
      typeof item === "object" && item !== null && typeof item.heading === "string" && typeof item.text === "string",
  );
}

// The name the project's own page gave comes first: the person's own name is the first page's or their profile's.
function mentorName(mentor: Pick<ProjectMentor, "contactName" | "name" | "githubHandle">): string {
  return mentor.contactName || mentor.name || mentor.githubHandle || "Mentor";
}

/** Only http(s) links reach a page: a `javascript:` URL in a term page is dropped here. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
