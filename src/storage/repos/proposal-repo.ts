import { type ExpressionBuilder, sql } from "kysely";
import type { MentorConfirmation, ProposalState } from "../../domain/proposal-states.ts";
import { storedProposalState } from "../../domain/proposal-states.ts";
import type { Database, Instant, ProposalMentorRow, ProposalQuestionRow, ProposalRecord, ProposalSummaryRow } from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";
import { attachProjectDetails } from "./project-repo.ts";

/**
 * A proposal by its project's slug, with everything its page shows: the project row, its term,
 * program, organization, skills (with their original wording), mentors with their answers,
 * upstream links, questions and the proposer's name. Undefined when there is no such project.
 */
export async function loadProposal(db: Db, slug: string): Promise<ProposalRecord | undefined> {
  const row = await db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .innerJoin("programs", "programs.id", "terms.programId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .leftJoin("people as proposer", "proposer.id", "projects.proposedByPersonId")
    .selectAll("projects")
    .select([
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "terms.publishedAt as termPublishedAt",
      "terms.programId as programId",
      "programs.slug as programSlug",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "organizations.projectQuota as organizationProjectQuota",
      "proposer.name as proposerName",
    ])
    .where("projects.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    termSlug,
    termTitle,
    termTimeZone,
    termPublishedAt,
    programId,
    programSlug,
    organizationSlug,
    organizationName,
    organizationProjectQuota,
    proposerName,
    ...project
  } = row;
  const [[details], mentors, questions] = await Promise.all([
    attachProjectDetails(db, [{ id: project.id }]),
    listProposalMentors(db, project.id),
    listProjectQuestions(db, project.id),
  ]);
  return {
    ...project,
    term: { id: project.termId, slug: termSlug, title: termTitle, timeZone: termTimeZone, publishedAt: termPublishedAt, programId },
    programSlug,
    organization: { id: project.organizationId, slug: organizationSlug, name: organizationName, projectQuota: organizationProjectQuota },
    skills: details?.skills ?? [],
    upstreamIssues: details?.upstreamIssues ?? [],
    mentors,
    questions,
    proposerName,
  };
}

/** The mentors a project names, in order, each with their answer (confirmed, pending or declined). */
export function listProposalMentors(db: Db, projectId: number): Promise<ProposalMentorRow[]> {
  return db
    .selectFrom("projectMentors")
    .innerJoin("people", "people.id", "projectMentors.personId")
    .select([
      "people.id as personId",
      "people.name",
      "people.githubHandle",
      "people.email",
      "projectMentors.namedAs",
      "projectMentors.confirmation",
      "projectMentors.askedAt",
      "projectMentors.answeredAt",
    ])
    .where("projectMentors.projectId", "=", projectId)
    .orderBy("projectMentors.position")
    .execute();
}

/** A project's prerequisite tasks and questions, in order. */
export async function listProjectQuestions(db: Db, projectId: number): Promise<ProposalQuestionRow[]> {
  const rows = await db
    .selectFrom("projectQuestions")
    .select(["section", "kind", "prompt", "choices", "required"])
    .where("projectId", "=", projectId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, choices: parseChoices(row.choices), required: row.required === 1 }));
}

function parseChoices(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Replaces a project's tasks and questions with these, in order. */
export async function replaceProjectQuestions(db: Db, projectId: number, questions: readonly ProposalQuestionRow[]): Promise<void> {
  await db.deleteFrom("projectQuestions").where("projectId", "=", projectId).execute();
  if (questions.length === 0) return;
  await db
    .insertInto("projectQuestions")
    .values(
      questions.map((question, index) => ({
        projectId,
        position: index + 1,
        section: question.section,
        kind: question.kind,
        prompt: question.prompt,
        choices: JSON.stringify(question.choices),
        required: question.required ? 1 : 0,
      })),
    )
    .execute();
}

/** A mentor as a proposal names them: the person and the words they were named by. */
export interface NamedMentorLink {
  personId: number;
  namedAs: string;
}

/**
 * Sets the mentors a proposal names, in order. A mentor named before keeps their answer and their
 * link; a newly named one starts pending; one no longer named is removed. Returns the person ids
 * newly named.
 */
export async function setProposalMentors(db: Db, projectId: number, mentors: readonly NamedMentorLink[]): Promise<number[]> {
  const seen = new Set<number>();
  const unique = mentors.filter((mentor) => !seen.has(mentor.personId) && seen.add(mentor.personId));
  const existing = await db.selectFrom("projectMentors").select("personId").where("projectId", "=", projectId).execute();
  const before = new Set(existing.map((row) => row.personId));
  const removed = [...before].filter((personId) => !seen.has(personId));
  if (removed.length > 0) await db.deleteFrom("projectMentors").where("projectId", "=", projectId).where("personId", "in", removed).execute();
  // Positions are not unique, so the kept rows can take their new places one by one.
  const added: number[] = [];
  for (const [index, mentor] of unique.entries()) {
    if (before.has(mentor.personId)) {
      await db
        .updateTable("projectMentors")
        .set({ position: index + 1, namedAs: mentor.namedAs })
        .where("projectId", "=", projectId)
        .where("personId", "=", mentor.personId)
        .execute();
    } else {
      await db
        .insertInto("projectMentors")
        .values({ projectId, personId: mentor.personId, position: index + 1, namedAs: mentor.namedAs, confirmation: "pending" })
        .execute();
      added.push(mentor.personId);
    }
  }
  return added;
}

/** Stores a new confirmation link for a named mentor and when it was sent. */
export async function setMentorAsked(db: Db, projectId: number, personId: number, tokenHash: string, at: Date): Promise<void> {
  await db
    .updateTable("projectMentors")
    .set({ confirmTokenHash: tokenHash, askedAt: at.toISOString() })
    .where("projectId", "=", projectId)
    .where("personId", "=", personId)
    .execute();
}

/** Records a mentor's answer; the link stays usable, so answering again through it is told what was answered. */
export async function setMentorAnswer(db: Db, projectId: number, personId: number, answer: MentorConfirmation, at: Date): Promise<void> {
  await db
    .updateTable("projectMentors")
    .set({ confirmation: answer, answeredAt: at.toISOString() })
    .where("projectId", "=", projectId)
    .where("personId", "=", personId)
    .execute();
}

/** The project and person a confirmation link's hash belongs to; undefined for an unknown link. */
export function findMentorByTokenHash(db: Db, tokenHash: string): Promise<{ projectId: number; personId: number } | undefined> {
  return db.selectFrom("projectMentors").select(["projectId", "personId"]).where("confirmTokenHash", "=", tokenHash).executeTakeFirst();
}

/**
 * Locks the organization's row until the transaction ends, so two submits counting its quota at
 * once take turns. SQLite transactions already hold the write lock from their first statement.
 */
export async function lockOrganizationForQuota(db: Db, organizationId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select id from organizations where id = ${organizationId} for update`.execute(db);
}

/** The titles of an organization's proposals in a term that are in one of these states, oldest first, leaving out `exceptProjectId`. */
export async function listProposalTitlesIn(
  db: Db,
  termId: number,
  organizationId: number,
  states: readonly ProposalState[],
  exceptProjectId?: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom("projects")
    .select("title")
    .where("termId", "=", termId)
    .where("organizationId", "=", organizationId)
    .$if(exceptProjectId !== undefined, (qb) => qb.where("id", "<>", exceptProjectId ?? 0))
    .where((eb) => inStates(eb, states))
    // An imported project has no submission instant; the engines would put its null first or last.
    .orderBy(sql`coalesce(submitted_at, created_at)`)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.title);
}

/** The slugs of projects that are `slug` or start with `slug-`, to pick one not taken. */
export async function listProjectSlugsLike(db: Db, slug: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("projects")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", slug), eb("slug", "like", `${slug}-%`)]))
    .execute();
  return new Set(rows.map((row) => row.slug));
}

/** Which proposals a list shows; every given part narrows it. */
export interface ProposalFilter {
  termId?: number | undefined;
  organizationIds?: readonly number[] | undefined;
  /** Only proposals that name this person as a mentor. */
  namedPersonId?: number | undefined;
  /** Only those where this person's answer is one of these (with `namedPersonId`). */
  namedConfirmations?: readonly MentorConfirmation[] | undefined;
  states?: readonly ProposalState[] | undefined;
  /** Only proposals that went through the proposal workflow, leaving out projects imported as accepted. */
  proposedInCohort?: boolean | undefined;
  /** Only proposals of published terms (a draft term's are its admins' alone). */
  publishedTermsOnly?: boolean | undefined;
}

function inStates(eb: ExpressionBuilder<Database, "projects">, states: readonly ProposalState[]) {
  return eb.or(
    states.map((state) => {
      const stored = storedProposalState(state);
      return stored.state === "proposed"
        ? eb.and([eb("projects.state", "=", "proposed"), eb("projects.proposalStage", "=", stored.proposalStage)])
        : eb("projects.state", "=", stored.state);
    }),
  );
}

/**
 * Proposals as lists show them, with their term and organization by name and their mentors'
 * answers counted; by term (newest first), organization and title. Two queries, whatever the count.
 */
export async function listProposalSummaries(db: Db, filter: ProposalFilter): Promise<ProposalSummaryRow[]> {
  const { termId, organizationIds, namedPersonId, namedConfirmations, states } = filter;
  if (organizationIds?.length === 0 || states?.length === 0 || namedConfirmations?.length === 0) return [];
  const rows = await db
    .selectFrom("projects")
    .innerJoin("terms", "terms.id", "projects.termId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select([
      "projects.id",
      "projects.slug",
      "projects.title",
      "projects.state",
      "projects.proposalStage",
      "projects.slots",
      "projects.slotsRequested",
      "projects.pendingChange",
      "projects.submittedAt",
      "projects.updatedAt",
      "terms.id as termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "organizations.id as organizationId",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
    ])
    .$if(termId !== undefined, (qb) => qb.where("projects.termId", "=", termId ?? 0))
    .$if(organizationIds !== undefined, (qb) => qb.where("projects.organizationId", "in", organizationIds ?? []))
    .$if(states !== undefined, (qb) => qb.where((eb) => inStates(eb, states ?? [])))
    .$if(filter.proposedInCohort === true, (qb) =>
      qb.where((eb) =>
        eb.or([eb("projects.state", "=", "proposed"), eb("projects.proposedByPersonId", "is not", null), eb("projects.submittedAt", "is not", null)]),
      ),
    )
    .$if(filter.publishedTermsOnly === true, (qb) => qb.where("terms.publishedAt", "is not", null))
    .$if(namedPersonId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom("projectMentors")
            .select("projectMentors.personId")
            .whereRef("projectMentors.projectId", "=", "projects.id")
            .where("projectMentors.personId", "=", namedPersonId ?? 0)
            .$if(namedConfirmations !== undefined, (sub) => sub.where("projectMentors.confirmation", "in", namedConfirmations ?? [])),
        ),
      ),
    )
    .orderBy("terms.slug", "desc")
    .orderBy(sql`lower(organizations.name)`)
    .orderBy(sql`lower(projects.title)`)
    .orderBy("projects.id")
    .execute();
  const counts = await countMentorAnswers(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, mentors: counts.get(row.id) ?? { confirmed: 0, pending: 0, declined: 0 } }));
}

async function countMentorAnswers(db: Db, projectIds: readonly number[]): Promise<Map<number, Record<MentorConfirmation, number>>> {
  const counts = new Map<number, Record<MentorConfirmation, number>>();
  if (projectIds.length === 0) return counts;
  const rows = await db
    .selectFrom("projectMentors")
    .select((eb) => ["projectId", "confirmation", eb.fn.countAll<number>().as("n")])
    .where("projectId", "in", projectIds)
    .groupBy(["projectId", "confirmation"])
    .execute();
  for (const row of rows) {
    const count = counts.get(row.projectId) ?? { confirmed: 0, pending: 0, declined: 0 };
    count[row.confirmation] = Number(row.n);
    counts.set(row.projectId, count);
  }
  return counts;
}

/** When the last confirmation email to this mentor of this project was sent, or null. */
export async function findMentorAskedAt(db: Db, projectId: number, personId: number): Promise<Instant | null | undefined> {
  const row = await db.selectFrom("projectMentors").select("askedAt").where("projectId", "=", projectId).where("personId", "=", personId).executeTakeFirst();
  return row === undefined ? undefined : row.askedAt;
}
