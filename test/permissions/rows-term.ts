import type { PhaseKind } from "../../src/domain/phases.ts";
import { findOrganizationBySlug } from "../../src/storage/repos/organization-repo.ts";
import { findProgramBySlug } from "../../src/storage/repos/program-repo.ts";
import { addProjectMentor, insertProject } from "../../src/storage/repos/project-repo.ts";
import { insertTerm, replaceTimeline } from "../../src/storage/repos/term-repo.ts";
import type { ProjectRow, TermRow } from "../../src/storage/schema.ts";
import { asBrowser } from "../helpers/accounts.ts";
import type { TestApp } from "../helpers/app.ts";
import type { PermissionWorld } from "./callers.ts";

// What the groups of workflow rows set up alike: a published term of the demo program whose
// phases sit around the table's clock, its accepted projects, and the applicant's applications.

const DAY_MS = 24 * 60 * 60 * 1000;

/** A phase of a rows term, in days from the table's clock (negative: before it). */
export interface RowsPhase {
  kind: PhaseKind;
  activity: string;
  fromDay: number;
  toDay: number;
}

/** Inserts a published term of the demo program with these phases; returns it with the demo organization's id. */
export async function insertRowsTerm(
  t: TestApp,
  world: PermissionWorld,
  input: { slug: string; title: string; timeZone?: string; phases: RowsPhase[] },
): Promise<{ term: TermRow; organizationId: number }> {
  const db = t.context.database.db;
  const at = t.context.now();
  const program = await findProgramBySlug(db, world.program);
  const organization = program ? await findOrganizationBySlug(db, program.id, world.organization) : undefined;
  if (!program || !organization) throw new Error("no demo program or organization");
  const term = await insertTerm(
    db,
    program.id,
    input.slug,
    {
      title: input.title,
      timeZone: input.timeZone ?? "America/Los_Angeles",
      lengthText: null,
      lengthWeeks: null,
      statusText: null,
      intro: null,
      publishedAt: at.toISOString(),
    },
    at,
  );
  await replaceTimeline(
    db,
    term.id,
    input.phases.map((phase) => ({
      kind: phase.kind,
      activity: phase.activity,
      text: "set around the table's clock",
      startsAt: new Date(at.getTime() + phase.fromDay * DAY_MS).toISOString(),
      endsAt: new Date(at.getTime() + phase.toDay * DAY_MS).toISOString(),
    })),
  );
  return { term, organizationId: organization.id };
}

/** An accepted project of a rows term, mentored by the table's mentor of the project. */
export async function insertMentoredProject(
  t: TestApp,
  world: PermissionWorld,
  input: { termId: number; organizationId: number; slug: string; title: string },
): Promise<ProjectRow> {
  const db = t.context.database.db;
  const description = "A project the permission table uses.";
  const project = await insertProject(
    db,
    input.termId,
    input.slug,
    {
      organizationId: input.organizationId,
      title: input.title,
      groupName: null,
      intro: null,
      description,
      expectedOutcome: "Answers.",
      descriptionHtml: `<p>${description}</p>`,
      expectedOutcomeHtml: "<p>Answers.</p>",
      summary: description,
      skillsText: "Go",
      externalUrl: null,
      state: "accepted",
      sourceLine: null,
    },
    t.context.now(),
  );
  await addProjectMentor(db, project.id, world.personIds.mentorOfProject);
  return project;
}

/** Submits the table's applicant's application to a project, returning its id. */
export async function submitAsApplicant(t: TestApp, world: PermissionWorld, projectSlug: string, idempotencyKey: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/projects/${projectSlug}/application/submit`,
    headers: { ...asBrowser(world.sessions.applicant), "idempotency-key": idempotencyKey },
    payload: { coverLetter: "A letter the permission table sends.", answers: [], links: [] },
  });
  if (response.statusCode !== 201) throw new Error(`the rows' application was not submitted: ${response.body}`);
  return String(response.json().id);
}
