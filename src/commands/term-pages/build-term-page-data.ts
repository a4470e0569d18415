import type { ProjectState } from "../../domain/project-states.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listProjectsWithDetails } from "../../storage/repos/project-repo.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import type { ExtraField, OrganizationData, ProjectData, SectionData, TermPageData } from "../../termpages/types.ts";

/** Options of buildTermPageData. */
export interface BuildTermPageDataOptions {
  database: DatabaseHandle;
  termSlug: string;
  /** Which projects the page lists: accepted ones by default, as a term page does. */
  states?: readonly ProjectState[];
}

/**
 * Reads a term from the database into the plain data a term page is written from. Each mentor
 * appears as this term's page named them: its name and address, never one from another page.
 */
export async function buildTermPageData({ database, termSlug, states = ["accepted"] }: BuildTermPageDataOptions): Promise<TermPageData> {
  const term = await findTermBySlug(database.db, termSlug);
  if (!term) throw new AppError("NOT_FOUND", `There is no term "${termSlug}"; cohort import a term page first, or check the slug.`);
  const [timeline, projects] = await Promise.all([listTimeline(database.db, term.id), listProjectsWithDetails(database.db, term.id, states)]);

  const organizations = new Map<number, OrganizationData>();
  for (const project of projects) {
    let organization = organizations.get(project.organizationId);
    if (!organization) {
      organization = { name: project.organizationName, intro: project.organizationIntro, projects: [] };
      organizations.set(project.organizationId, organization);
    }
    const data: ProjectData = {
      title: project.title,
      group: project.groupName,
      intro: project.intro,
      description: project.description || null,
      expectedOutcome: project.expectedOutcome || null,
      skills: project.skills.map((skill) => skill.tag),
      skillsText: project.skillsText || null,
      mentors: project.mentors.map((mentor) => ({
        name: mentor.contactName || mentor.name || null,
        handle: mentor.githubHandle,
        email: mentor.contactEmail,
      })),
      mentorNotes: parseJsonArray<string>(project.mentorNotes),
      upstreamIssues: project.upstreamIssues,
      url: project.externalUrl,
      extraFields: withSlots(parseJsonArray<ExtraField>(project.extraFields), project.slots),
    };
    organization.projects.push(data);
  }

  return {
    title: term.title,
    status: term.statusText,
    duration: term.lengthText,
    intro: term.intro,
    timeline: timeline.map((row) => ({ activity: row.activity, text: row.text })),
    sections: parseJsonArray<SectionData>(term.sections),
    organizations: [...organizations.values()],
  };
}

/** The label of the extra field that carries a project's slots, a number the canonical format has no field of its own for. */
const SLOTS_FIELD = "Slots";

/**
 * A project's extra fields with its slots as they are now: written when it takes more than one
 * mentee (one is what a page without the line means), replacing a "Slots" line an import kept.
 */
function withSlots(extraFields: ExtraField[], slots: number): ExtraField[] {
  const others = extraFields.filter((field) => field.label.toLowerCase() !== SLOTS_FIELD.toLowerCase());
  return slots > 1 ? [...others, { label: SLOTS_FIELD, text: String(slots) }] : others;
}

function parseJsonArray<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}
