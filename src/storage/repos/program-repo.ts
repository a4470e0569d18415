import { sql } from "kysely";
import type { ProgramRow } from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";

/** The program with this slug, or undefined. */
export function findProgramBySlug(db: Db, slug: string): Promise<ProgramRow | undefined> {
  return db.selectFrom("programs").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Every program, by name. */
export function listPrograms(db: Db): Promise<ProgramRow[]> {
  return db.selectFrom("programs").selectAll().orderBy("name").orderBy("id").execute();
}

/** What a new program needs. */
export interface NewProgramInput {
  slug: string;
  name: string;
  timeZone: string;
  applicationLimit?: number;
  stipendPolicy?: Record<string, unknown>;
  at: Date;
}

/** Creates a program. */
export function insertProgram(db: Db, input: NewProgramInput): Promise<ProgramRow> {
  const at = input.at.toISOString();
  return db
    .insertInto("programs")
    .values({
      slug: input.slug,
      name: input.name,
      timeZone: input.timeZone,
      applicationLimit: input.applicationLimit ?? 3,
      stipendPolicy: JSON.stringify(input.stipendPolicy ?? {}),
      createdAt: at,
      updatedAt: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The settings of a program its admins change. */
export type ProgramSettingsUpdate = Partial<Pick<ProgramRow, "name" | "timeZone" | "applicationLimit" | "projectQuota" | "slotBudget" | "offerResponseHours">>;

/** Changes a program's settings. */
export function updateProgramSettings(db: Db, programId: number, fields: ProgramSettingsUpdate, at: Date): Promise<ProgramRow> {
  return db
    .updateTable("programs")
    .set({ ...fields, updatedAt: at.toISOString() })
    .where("id", "=", programId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves the revision of every term of the program on, for a change its terms' cached reads show
 * (the program's name), so no cached answer of the old one is served again.
 */
export async function moveTermsOfProgramOn(db: Db, programId: number): Promise<void> {
  await db
    .updateTable("terms")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("programId", "=", programId)
    .execute();
}

/** The program with this id, or undefined. */
export function findProgramById(db: Db, id: number): Promise<ProgramRow | undefined> {
  return db.selectFrom("programs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** True when the database holds no program yet. */
export async function hasNoPrograms(db: Db): Promise<boolean> {
  const row = await db.selectFrom("programs").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Makes the caller's transaction the only one loading term pages until it ends. An import finds
 * programs, terms, organizations, people and skills by name and creates the missing ones; two
 * imports side by side on PostgreSQL would both find one missing and both create it, and one
 * would fail on a unique key. On SQLite every transaction holds the write lock from its start.
 */
export async function lockTermPageImports(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(hashtext('cohort:term-page-import'))`.execute(db);
}
