import type { Insertable } from "kysely";
import type { PhaseKind } from "../../domain/phases.ts";
import type { TermRow, TermTable, TimelinePhaseRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** The term with this slug, or undefined. */
export function findTermBySlug(db: Db, slug: string): Promise<TermRow | undefined> {
  return db.selectFrom("terms").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** The fields of a term that an import or an admin sets. */
export type TermFields = Omit<Insertable<TermTable>, "id" | "programId" | "slug" | "createdAt" | "updatedAt">;

/** Creates a term of a program. */
export function insertTerm(db: Db, programId: number, slug: string, fields: TermFields, at: Date): Promise<TermRow> {
  const now = at.toISOString();
  return db
    .insertInto("terms")
    .values({ ...fields, programId, slug, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a term's fields. */
export function updateTerm(db: Db, termId: number, fields: Partial<TermFields>, at: Date): Promise<TermRow> {
  return db
    .updateTable("terms")
    .set({ ...fields, updatedAt: at.toISOString() })
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
