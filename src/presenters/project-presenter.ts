import type { TermStatus } from "../domain/term-status.ts";
import type { ApplyState, ProjectCard, ProjectDetail } from "../schemas/catalog.ts";
import type { CatalogRow, ProjectDetails, ProjectMentor, ProjectWithDetails } from "../storage/schema.ts";

const GITHUB_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** A project as a catalog card shows it: no emails, the plain-text summary stored with it. */
export function presentProjectCard(row: CatalogRow & ProjectDetails, termSlug: string): ProjectCard {
  return {
    slug: row.slug,
    title: row.title,
    termSlug,
    organization: { slug: row.organizationSlug, name: row.organizationName },
    summary: row.summary,
    skills: row.skills.map((skill) => ({ tag: skill.tag, label: skill.label })),
    mentors: row.mentors.map((mentor) => ({ name: mentorName(mentor), handle: mentor.githubHandle })),
    slots: row.slots,
  };
}

/**
 * A project page: the HTML rendered and sanitized when the project was written, mentors with
 * GitHub links, and each mentor's email only when that mentor made it public.
 */
export function presentProjectDetail(
  project: ProjectWithDetails,
  term: { slug: string; title: string; timeZone: string; status: TermStatus },
  program: { slug: string; name: string },
  apply: ApplyState,
): ProjectDetail {
  return {
    slug: project.slug,
    title: project.title,
    term,
    program,
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
      email: mentor.emailPublic === 1 ? mentor.email : null,
    })),
    upstreamIssues: project.upstreamIssues.filter(isWebUrl),
    externalUrl: project.externalUrl && isWebUrl(project.externalUrl) ? project.externalUrl : null,
    apply,
  };
}

function mentorName(mentor: Pick<ProjectMentor, "name" | "githubHandle">): string {
  return mentor.name || mentor.githubHandle || "Mentor";
}

/** Only http(s) links reach a page: a `javascript:` URL in a term page is dropped here. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
