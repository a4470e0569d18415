import type { ProjectState } from "../../domain/project-states.ts";
import { slugify, uniqueSlug } from "../../domain/slug.ts";
import { AppError } from "../../errors/app-error.ts";
import { renderProjectText } from "../../markdown/render-markdown.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type AuditActor, recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { upsertOrganization } from "../../storage/repos/organization-repo.ts";
import { findOrCreatePerson } from "../../storage/repos/person-repo.ts";
import { findProgramBySlug, insertProgram, lockTermPageImports } from "../../storage/repos/program-repo.ts";
import {
  insertProject,
  type MentorLink,
  mapProjectsBySlug,
  type ProjectFields,
  replaceProjectMentors,
  replaceProjectSkills,
  replaceUpstreamLinks,
  updateProject,
} from "../../storage/repos/project-repo.ts";
import { ensureSkills } from "../../storage/repos/skill-repo.ts";
import { findTermBySlug, insertTerm, replaceTimeline, type TermFields, updateTerm } from "../../storage/repos/term-repo.ts";
import type { ProgramRow, TermRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { durationWeeks, projectFieldProblems, skillLabels } from "../../termpages/index.ts";
import type { ParsedProject, ParsedTermPage } from "../../termpages/types.ts";
import { copyEligibilityQuestions } from "../eligibility/copy-eligibility-questions.ts";
import { type NamedMentor, refreshMentorEmails } from "./mentor-contacts.ts";

/** What one import did, counted per kind of object. */
export interface ImportTermPageResult {
  program: { slug: string; created: boolean };
  term: { slug: string; title: string; created: boolean };
  organizations: { created: number; updated: number };
  projects: { created: number; updated: number };
  mentors: { created: number; matched: number };
  skills: number;
  timeline: number;
  findings: { errors: number; warnings: number; infos: number };
  /** What the import left as it was against the page, one sentence each (an address another person holds). */
  notes: string[];
}

/** Options of importTermPage. */
export interface ImportTermPageOptions {
  database: DatabaseHandle;
  page: ParsedTermPage;
  programSlug: string;
  /** Name for a program created by this import; the slug's words otherwise. */
  programName?: string;
  termSlug: string;
  /** "accepted" for a term page, "proposed" for a page of project ideas. */
  projectState: Extract<ProjectState, "accepted" | "proposed">;
  actor: AuditActor;
  now: Date;
}

/** What to import, without the database (for importing inside a caller's transaction). */
export type PageImport = Omit<ImportTermPageOptions, "database">;

/**
 * Imports one parsed term page in one transaction: the program (created when missing), the
 * term and its timeline, organizations, projects, mentors (people matched by GitHub handle,
 * each project keeping the name and address its page gave), skills and upstream links. Importing the same page again updates instead of duplicating;
 * a page of project ideas never demotes a project that was already accepted. A page with a
 * project field over its bounds is refused whole, naming the project and the field; each
 * project's Markdown is rendered here, once, so that no read renders it.
 */
export async function importTermPage(options: ImportTermPageOptions): Promise<ImportTermPageResult> {
  return inTransaction(options.database, (trx) => importTermPageWithin(trx, options));
}

/**
 * Imports one parsed term page inside the caller's transaction, for a caller that imports
 * several pages all or nothing (the demo program).
 */
export async function importTermPageWithin(trx: Db, options: PageImport): Promise<ImportTermPageResult> {
  const { page, now } = options;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.programSlug)) {
    throw new AppError("INVALID_INPUT", `The program slug "${options.programSlug}" must be lower-case letters, digits and single hyphens, e.g. cncf-lfx.`);
  }
  checkProjectFields(page);
  await lockTermPageImports(trx);
  const program = await ensureProgram(trx, options);
  const { term, created: termCreated } = await upsertTerm(trx, program.row, options);
  const result: ImportTermPageResult = {
    program: { slug: program.row.slug, created: program.created },
    term: { slug: term.slug, title: term.title, created: termCreated },
    organizations: { created: 0, updated: 0 },
    projects: { created: 0, updated: 0 },
    mentors: { created: 0, matched: 0 },
    skills: 0,
    timeline: 0,
    findings: {
      errors: page.findings.filter((f) => f.severity === "error").length,
      warnings: page.findings.filter((f) => f.severity === "warning").length,
      infos: page.findings.filter((f) => f.severity === "info").length,
    },
    notes: [],
  };
  if (page.timeline.length > 0 || termCreated) {
    await replaceTimeline(
      trx,
      term.id,
      page.timeline.map((row) => ({ kind: row.kind, activity: row.activity, text: row.text, startsAt: row.start, endsAt: row.end })),
    );
    result.timeline = page.timeline.length;
  }

  const existing = await mapProjectsBySlug(trx, term.id);
  const slugsOfThisPage = new Set<string>();
  const allTags = new Set<string>();
  const named: NamedMentor[] = [];
  for (const organization of page.organizations) {
    const { organization: orgRow, created } = await upsertOrganization(trx, {
      programId: program.row.id,
      slug: slugify(organization.name) || "organization",
      name: organization.name,
      intro: organization.intro ?? null,
      at: now,
    });
    result.organizations[created ? "created" : "updated"] += 1;
    for (const project of organization.projects) {
      const slug = uniqueSlug(`${term.slug}-${slugify(project.title) || "project"}`, slugsOfThisPage);
      slugsOfThisPage.add(slug);
      const previous = existing.get(slug);
      const state: ProjectState = previous?.state === "accepted" ? "accepted" : options.projectState;
      const fields = projectFields(project, orgRow.id, state);
      const row = previous ? await updateProject(trx, previous.id, fields, now) : await insertProject(trx, term.id, slug, fields, now);
      result.projects[previous ? "updated" : "created"] += 1;

      const links: MentorLink[] = [];
      for (const mentor of project.mentors) {
        if (!mentor.name && !mentor.handle && !mentor.email) continue;
        const { person, created: personCreated } = await findOrCreatePerson(trx, mentor, now);
        result.mentors[personCreated ? "created" : "matched"] += 1;
        // The project keeps the contact as this page gives it, whichever page the person came from.
        links.push({ personId: person.id, contactName: mentor.name, contactEmail: mentor.email });
        named.push({ person, label: `${mentor.handle ? `@${mentor.handle}` : (mentor.name ?? person.name)} (project at line ${project.line})` });
      }
      await replaceProjectMentors(trx, row.id, links);
      const skillIds = await ensureSkills(trx, project.skills, skillLabels(project.skillsText));
      await replaceProjectSkills(
        trx,
        row.id,
        project.skills.flatMap((tag) => {
          const skillId = skillIds.get(tag);
          return skillId === undefined ? [] : [{ skillId, originalText: tag }];
        }),
      );
      for (const tag of project.skills) allTags.add(tag);
      await replaceUpstreamLinks(trx, row.id, project.upstreamIssues);
    }
  }
  result.skills = allTags.size;
  result.notes = await refreshMentorEmails(trx, named, now);

  await recordAuditEvent(trx, {
    programId: program.row.id,
    actor: options.actor,
    action: "term.imported",
    objectType: "term",
    objectId: term.id,
    changes: { term: result.term, organizations: result.organizations, projects: result.projects, mentors: result.mentors, timeline: result.timeline },
    at: now,
  });
  return result;
}

/** Refuses a page whose project fields are over their bounds, naming the first such project and field. */
function checkProjectFields(page: ParsedTermPage): void {
  for (const organization of page.organizations) {
    for (const project of organization.projects) {
      const [problem, ...others] = projectFieldProblems(project);
      if (!problem) continue;
      const more = others.length > 0 ? ` (and ${others.length} more in this project)` : "";
      throw new AppError(
        "INVALID_TERM_PAGE",
        `Project "${project.title.slice(0, 80)}" (line ${project.line}): ${problem.message}${more}. Shorten or flatten it, then import the page again.`,
      );
    }
  }
}

async function ensureProgram(db: Db, options: PageImport): Promise<{ row: ProgramRow; created: boolean }> {
  const existing = await findProgramBySlug(db, options.programSlug);
  if (existing) return { row: existing, created: false };
  const name = options.programName ?? options.programSlug.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
  const row = await insertProgram(db, { slug: options.programSlug, name, timeZone: options.page.timeZone, at: options.now });
  await recordAuditEvent(db, {
    programId: row.id,
    actor: options.actor,
    action: "program.created",
    objectType: "program",
    objectId: row.id,
    changes: { slug: row.slug, name: row.name, timeZone: row.timeZone },
    at: options.now,
  });
  return { row, created: true };
}

async function upsertTerm(db: Db, program: ProgramRow, options: PageImport): Promise<{ term: TermRow; created: boolean }> {
  const { page, termSlug, now } = options;
  const existing = await findTermBySlug(db, termSlug);
  if (existing && existing.programId !== program.id) {
    throw new AppError("CONFLICT", `The term "${termSlug}" belongs to another program; choose another slug with --term.`);
  }
  const fromPage: TermFields = {
    title: page.title || existing?.title || termSlug,
    timeZone: page.timeZone,
    statusText: page.status,
    lengthText: page.duration,
    lengthWeeks: durationWeeks(page.duration),
    intro: page.intro ?? null,
    sections: JSON.stringify(page.sections ?? []),
  };
  // A term page is the program's published word: the term it creates is public at once.
  if (!existing) {
    const term = await insertTerm(db, program.id, termSlug, { ...fromPage, publishedAt: now.toISOString() }, now);
    await copyEligibilityQuestions(db, { programId: program.id, termId: term.id });
    return { term, created: true };
  }
  // A page of projects only (project ideas; 2020's "Selected Projects", with no timeline and a title of
  // its own) must not blank or rename the term's own page.
  const projectsOnly = options.projectState === "proposed" || (page.timeline.length === 0 && page.title !== existing.title);
  const fields = projectsOnly ? { timeZone: existing.timeZone } : fromPage;
  return { term: await updateTerm(db, existing.id, fields, now), created: false };
}

function projectFields(project: ParsedProject, organizationId: number, state: ProjectState): ProjectFields {
  const description = project.description ?? "";
  const expectedOutcome = project.expectedOutcome ?? "";
  return {
    ...renderProjectText({ description, expectedOutcome }),
    organizationId,
    title: project.title,
    groupName: project.group ?? null,
    intro: project.intro ?? null,
    description,
    expectedOutcome,
    skillsText: project.skillsText ?? "",
    externalUrl: project.url,
    mentorNotes: JSON.stringify(project.mentorNotes ?? []),
    extraFields: JSON.stringify(project.extraFields ?? []),
    state,
    sourceLine: project.line,
  };
}
