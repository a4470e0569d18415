import type { Insertable } from "kysely";
import type { PhaseKind } from "../../domain/phases.ts";
import type { TermRow, TermTable, TimelinePhaseRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** The term with this slug, or undefined. */
export function findTermBySlug(db: Db, slug: string): Promise<TermRow | undefined> {
  return db.selectFrom("terms").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** The fields of a term that an import or an admin sets. */
export type TermFields = Omit<Insertable<TermTable>, "id" | "programId" | "slug" | "revision" | "createdAt" | "updatedAt">;

/** Creates a term of a program. */
export function insertTerm(db: Db, programId: number, slug: string, fields: TermFields, at: Date): Promise<TermRow> {
  const now = at.toISOString();
  return db
    .insertInto("terms")
    .values({ ...fields, programId, slug, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a term's fields and moves its revision on, so cached reads of it are not served again. */
export function updateTerm(db: Db, termId: number, fields: Partial<TermFields>, at: Date): Promise<TermRow> {
  return db
    .updateTable("terms")
    .set((eb) => ({ ...fields, updatedAt: at.toISOString(), revision: eb("revision", "+", 1) }))
    .where("id", "=", termId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One timeline row to store. */
export interface TimelineRowInput {
  kind: PhaseKind | null;
  activity: string;
  text: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** Replaces a term's whole timeline with these rows, in order. */
export async function replaceTimeline(db: Db, termId: number, rows: readonly TimelineRowInput[]): Promise<void> {
  await db.deleteFrom("timelinePhases").where("termId", "=", termId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto("timelinePhases")
    .values(rows.map((row, index) => ({ termId, position: index + 1, ...row })))
    .execute();
}

/** A term's timeline rows, in the order the program wrote them. */
export function listTimeline(db: Db, termId: number): Promise<TimelinePhaseRow[]> {
  return db.selectFrom("timelinePhases").selectAll().where("termId", "=", termId).orderBy("position").execute();
}

/** The terms of a program. */
export function listTermsOfProgram(db: Db, programId: number): Promise<TermRow[]> {
  return db.selectFrom("terms").selectAll().where("programId", "=", programId).orderBy("slug", "desc").execute();
}

/** The terms of several programs at once. */
export function listTermsOfPrograms(db: Db, programIds: readonly number[]): Promise<TermRow[]> {
  if (programIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("terms").selectAll().where("programId", "in", programIds).orderBy("slug", "desc").execute();
}

/** The timelines of several terms, keyed by term id, each in written order. */
export async function mapTimelines(db: Db, termIds: readonly number[]): Promise<Map<number, TimelinePhaseRow[]>> {
  const map = new Map<number, TimelinePhaseRow[]>();
  if (termIds.length === 0) return map;
  const rows = await db.selectFrom("timelinePhases").selectAll().where("termId", "in", termIds).orderBy("termId").orderBy("position").execute();
  for (const row of rows) {
    const list = map.get(row.termId);
    if (list) list.push(row);
    else map.set(row.termId, [row]);
  }
  return map;
}

/** How many organizations, accepted projects and distinct confirmed mentors a term has. */
export async function countTermContents(db: Db, termId: number): Promise<{ organizations: number; projects: number; mentors: number }> {
  const accepted = db.selectFrom("projects").select("id").where("termId", "=", termId).where("state", "=", "accepted");
  const [projects, mentors] = await Promise.all([
    db
      .selectFrom("projects")
      .select((eb) => [eb.fn.countAll<number>().as("projects"), eb.fn.count<number>("organizationId").distinct().as("organizations")])
      .where("termId", "=", termId)
      .where("state", "=", "accepted")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("projectMentors")
      .select((eb) => eb.fn.count<number>("personId").distinct().as("mentors"))
      .where("projectId", "in", accepted)
      .where("confirmation", "=", "confirmed")
      .executeTakeFirstOrThrow(),
  ]);
  return { organizations: Number(projects.organizations), projects: Number(projects.projects), mentors: Number(mentors.mentors) };
}

/** How many accepted projects each of these terms has, keyed by term id (a term without any is absent). */
export async function countAcceptedProjectsByTerm(db: Db, termIds: readonly number[]): Promise<Map<number, number>> {
  if (termIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("projects")
    .select((eb) => ["termId", eb.fn.countAll<number>().as("projects")])
    .where("termId", "in", termIds)
    .where("state", "=", "accepted")
    .groupBy("termId")
    .execute();
  return new Map(rows.map((row) => [row.termId, Number(row.projects)]));
}

/** The term with this id, or undefined. */
export function findTermById(db: Db, id: number): Promise<TermRow | undefined> {
  return db.selectFrom("terms").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The slugs of terms that are `slug` or start with `slug-`, to suggest one not taken. */
export async function listTermSlugsLike(db: Db, slug: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("terms")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", slug), eb("slug", "like", `${slug}-%`)]))
    .execute();
  return new Set(rows.map((row) => row.slug));
}

/** Someone a change to a term concerns, with where to write to them and the zone they read times in. */
export interface TermStakeholder {
  personId: number;
  name: string;
  email: string;
  timeZone: string | null;
}

/**
 * The maintainers of every organization with a proposal in the term that is still alive (a
 * draft, undecided or accepted; not withdrawn or rejected), each once.
 */
export async function listMaintainersWithProposalsIn(db: Db, termId: number): Promise<TermStakeholder[]> {
  const organizations = db.selectFrom("projects").select("organizationId").where("termId", "=", termId).where("state", "in", ["proposed", "accepted"]);
  const rows = await db
    .selectFrom("roleGrants")
    .innerJoin("people", "people.id", "roleGrants.personId")
    .select(["people.id as personId", "people.name", "people.email", "people.timeZone"])
    .distinct()
    .where("roleGrants.role", "=", "maintainer")
    .where("roleGrants.organizationId", "in", organizations)
    .where("people.email", "is not", null)
    .orderBy("people.id")
    .execute();
  return rows.flatMap((row) => (row.email ? [{ personId: row.personId, name: row.name, email: row.email, timeZone: row.timeZone }] : []));
}

/**
 * Moves a term's revision on and nothing else, so cached reads of its catalog are not served
 * again (an application changed a project's applicant band or whether it takes applications).
 */
export async function moveTermRevision(db: Db, termId: number): Promise<void> {
  await db
    .updateTable("terms")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("id", "=", termId)
    .execute();
}
