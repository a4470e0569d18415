import { softCapReached } from "../domain/applicant-bands.ts";
import { APPLICATION_STATE_LABELS } from "../domain/application-states.ts";
import { checkActionOpen } from "../domain/phase-actions.ts";
import { termDisplayTitle } from "../domain/term-title.ts";
import type { TermTimeline } from "../domain/timeline.ts";
import type {
  ApplicantProfile,
  MentoringProject,
  MentoringResponse,
  ProjectApplicationCounts,
  ProjectApplicationsResponse,
  TermApplicationsResponse,
} from "../schemas/application-board.ts";
import type { ApplyState } from "../schemas/catalog.ts";
import type {
  ApplicationCounts,
  BoardProjectData,
  BoardProjectRow,
  PersonRow,
  ProjectApplicationRow,
  TermApplicationRow,
  TermApplicationsData,
  TermRow,
} from "../storage/schema.ts";
import { csvFile } from "./csv-file.ts";
import { presentApplyState } from "./term-presenter.ts";

/** A project's counts and soft cap, and whether the cap closes it to new applications. */
function presentCounts(project: Pick<BoardProjectRow, "applicationCap">, counts: ApplicationCounts): ProjectApplicationCounts {
  return {
    submitted: counts.submitted,
    drafts: counts.drafts,
    applicationCap: project.applicationCap,
    capReached: softCapReached(counts.submitted, project.applicationCap),
  };
}

/** Whether applications to the term are open at `now`, and the deadline. */
function presentWindow(termTitle: string, timeline: TermTimeline, now: Date): ApplyState {
  return presentApplyState(checkActionOpen({ ...timeline, title: termDisplayTitle(termTitle, timeline) }, "submitApplication", now));
}

/** A project of a mentor's or admin's page at `now`: names, counts and the applications window. */
export function presentMentoringProject(data: BoardProjectData, now: Date): MentoringProject {
  const { project, counts, timeline } = data;
  return {
    project: {
      slug: project.slug,
      title: project.title,
      organization: { slug: project.organizationSlug, name: project.organizationName },
      term: { slug: project.termSlug, title: termDisplayTitle(project.termTitle, timeline), timeZone: project.termTimeZone },
    },
    counts: presentCounts(project, counts),
    apply: presentWindow(project.termTitle, timeline, now),
  };
}

/** The caller's mentored projects at `now`. */
export function presentMentoring(projects: readonly BoardProjectData[], now: Date): MentoringResponse {
  return { items: projects.map((data) => presentMentoringProject(data, now)) };
}

/** A project's applications for its mentors and admins: who applied, when, and the state; no letters or answers in the list. */
export function presentProjectApplications(data: BoardProjectData & { items: ProjectApplicationRow[] }, now: Date): ProjectApplicationsResponse {
  return {
    ...presentMentoringProject(data, now),
    items: data.items.map((row) => ({
      id: row.id,
      state: row.state,
      stateLabel: APPLICATION_STATE_LABELS[row.state],
      applicant: { name: row.applicantName, githubHandle: row.githubHandle, pronouns: row.pronouns },
      submittedAt: row.submittedAt,
    })),
  };
}

/** A page of a term's applications for its admins. */
export function presentTermApplications(data: TermApplicationsData): TermApplicationsResponse {
  return {
    term: { slug: data.term.slug, title: termDisplayTitle(data.term.title, data.timeline), timeZone: data.term.timeZone },
    items: data.items.map((row) => ({
      id: row.id,
      state: row.state,
      stateLabel: APPLICATION_STATE_LABELS[row.state],
      applicant: { name: row.applicantName, email: row.applicantEmail, githubHandle: row.githubHandle, pronouns: row.pronouns },
      project: { slug: row.projectSlug, title: row.projectTitle, organization: { slug: row.organizationSlug, name: row.organizationName } },
      eligibility: row.eligibility,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
    })),
    total: data.total,
    page: data.page,
    limit: data.limit,
    states: data.states,
    organizations: data.organizations,
  };
}

const GITHUB_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** An applicant's profile beside their application: what they show mentors and admins, never their email address or password state. */
export function presentApplicantProfile(person: PersonRow): ApplicantProfile {
  return {
    name: person.name,
    pronouns: person.pronouns,
    githubHandle: person.githubHandle,
    githubUrl: person.githubHandle && GITHUB_HANDLE.test(person.githubHandle) ? `https://github.com/${person.githubHandle}` : null,
    country: person.country,
    timeZone: person.timeZone,
    skills: readStrings(person.skills),
    portfolioUrl: isWebUrl(person.portfolioUrl) ? person.portfolioUrl : null,
    cvUrl: isWebUrl(person.cvUrl) ? person.cvUrl : null,
  };
}

/** Only http(s) links reach a page. */
function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

/** The export's columns: a header and how each application fills it. */
const CSV_COLUMNS: ReadonlyArray<readonly [string, (row: TermApplicationRow, baseUrl: string) => string]> = [
  ["id", (row) => String(row.id)],
  ["state", (row) => APPLICATION_STATE_LABELS[row.state]],
  ["submitted_at", (row) => row.submittedAt ?? ""],
  ["updated_at", (row) => row.updatedAt],
  ["applicant", (row) => row.applicantName],
  ["email", (row) => row.applicantEmail ?? ""],
  ["github", (row) => row.githubHandle ?? ""],
  ["pronouns", (row) => row.pronouns ?? ""],
  ["country", (row) => row.country ?? ""],
  ["time_zone", (row) => row.timeZone ?? ""],
  ["eligibility", (row) => row.eligibility],
  ["organization", (row) => row.organizationName],
  ["project", (row) => row.projectTitle],
  ["project_slug", (row) => row.projectSlug],
  ["links", (row) => readStrings(row.links).join(" ")],
  ["cover_letter", (row) => row.coverLetter],
  ["url", (row, baseUrl) => `${baseUrl}/applications/${row.id}`],
];

/** A term's applications as a CSV file, formula cells neutralized (csv-file.ts). */
export function presentTermApplicationsCsv(
  found: { term: Pick<TermRow, "slug">; rows: readonly TermApplicationRow[] },
  baseUrl: string,
): { fileName: string; csv: string } {
  const header = CSV_COLUMNS.map(([name]) => name);
  const records = found.rows.map((row) => CSV_COLUMNS.map(([, cell]) => cell(row, baseUrl)));
  const csv = csvFile(header, records);
  return { fileName: `${found.term.slug}-applications.csv`, csv };
}

/** A JSON array of strings as stored (links, skill tags); anything else there reads as none. */
function readStrings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
