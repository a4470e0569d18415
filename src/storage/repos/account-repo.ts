import { sql } from "kysely";
import type { AccountTokenPurpose, PersonRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** The person with this email (case-insensitive), or undefined. */
export function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where(sql<string>`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
}

/** The person with this id, or undefined. */
export function findPersonById(db: Db, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The person with this GitHub handle (case-insensitive), or undefined. */
export function findPersonByHandle(db: Db, handle: string): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where(sql<string>`lower(github_handle)`, "=", handle.toLowerCase()).executeTakeFirst();
}

/** Creates a person with an account. */
export function insertAccount(
  db: Db,
  input: { name: string; email: string; passwordHash: string | null; emailVerifiedAt: string | null; at: Date },
): Promise<PersonRow> {
  const now = input.at.toISOString();
  return db
    .insertInto("people")
    .values({
      name: input.name,
      email: input.email,
      passwordHash: input.passwordHash,
      emailVerifiedAt: input.emailVerifiedAt,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The fields of a person that they change themselves. */
export interface PersonChanges {
  name?: string;
  githubHandle?: string | null;
  email?: string;
  timeZone?: string | null;
  country?: string | null;
  skills?: string;
  pronouns?: string | null;
  portfolioUrl?: string | null;
  cvUrl?: string | null;
  passwordHash?: string | null;
  emailVerifiedAt?: string | null;
}

/** Changes a person. */
export function updatePerson(db: Db, personId: number, changes: PersonChanges, at: Date): Promise<PersonRow> {
  return db
    .updateTable("people")
    .set({ ...changes, updatedAt: at.toISOString() })
    .where("id", "=", personId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Stores a single-use token (its hash) for a person and a purpose. */
export async function insertAccountToken(
  db: Db,
  input: { personId: number; purpose: AccountTokenPurpose; tokenHash: string; at: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("accountTokens")
    .values({
      personId: input.personId,
      purpose: input.purpose,
      tokenHash: input.tokenHash,
      createdAt: input.at.toISOString(),
      expiresAt: input.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * Uses a single-use token: marks it used and returns its person, only if it exists, has this
 * purpose, is unused and unexpired. One conditional update, so two uses at once cannot both win.
 */
export async function consumeAccountToken(db: Db, input: { tokenHash: string; purpose: AccountTokenPurpose; at: Date }): Promise<number | undefined> {
  const now = input.at.toISOString();
  const row = await db
    .updateTable("accountTokens")
    .set({ usedAt: now })
    .where("tokenHash", "=", input.tokenHash)
    .where("purpose", "=", input.purpose)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .returning("personId")
    .executeTakeFirst();
  return row?.personId;
}

/** Voids every unused token of a purpose for a person (a new reset link voids the older ones). */
export async function voidAccountTokens(db: Db, personId: number, purpose: AccountTokenPurpose, at: Date): Promise<void> {
  await db
    .updateTable("accountTokens")
    .set({ usedAt: at.toISOString() })
    .where("personId", "=", personId)
    .where("purpose", "=", purpose)
    .where("usedAt", "is", null)
    .execute();
}

/** Removes single-use tokens that were used, voided or expired before `at`: they can open nothing any more. Returns how many. */
export async function deleteSpentAccountTokens(db: Db, at: Date): Promise<number> {
  const result = await db
    .deleteFrom("accountTokens")
    .where((eb) => eb.or([eb("usedAt", "is not", null), eb("expiresAt", "<=", at.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
