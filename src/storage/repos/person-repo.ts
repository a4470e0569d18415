import { sql } from "kysely";
import type { PersonRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** A person as a term page names them; any part may be missing. */
export interface NamedPerson {
  name: string | null;
  handle: string | null;
  email: string | null;
}

/**
 * Finds the person a page means, or creates them: by GitHub handle first (case-insensitive),
 * then by email, then by exact name among people with neither. Fills in a handle or a name
 * the stored person lacks; never overwrites what a person set themselves. Which address a
 * person keeps is decided once the page is in (`setPageEmail`), from the newest page naming them.
 */
export async function findOrCreatePerson(db: Db, named: NamedPerson, at: Date): Promise<{ person: PersonRow; created: boolean }> {
  const existing = await findPerson(db, named);
  if (existing) {
    const fill: { githubHandle?: string; name?: string } = {};
    if (!existing.githubHandle && named.handle) fill.githubHandle = named.handle;
    if (!existing.name && named.name) fill.name = named.name;
    if (Object.keys(fill).length === 0) return { person: existing, created: false };
    const person = await db
      .updateTable("people")
      .set({ ...fill, updatedAt: at.toISOString() })
      .where("id", "=", existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { person, created: false };
  }
  const now = at.toISOString();
  // An address another person already holds stays with them; the new person gets none.
  const email = named.email && !(await emailTaken(db, named.email)) ? named.email : null;
  const person = await db
    .insertInto("people")
    .values({
      name: named.name ?? named.handle ?? named.email ?? "",
      githubHandle: named.handle,
      email,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { person, created: true };
}

async function findPerson(db: Db, named: NamedPerson): Promise<PersonRow | undefined> {
  if (named.handle) {
    const byHandle = await db.selectFrom("people").selectAll().where(sql<string>`lower(github_handle)`, "=", named.handle.toLowerCase()).executeTakeFirst();
    if (byHandle) return byHandle;
  }
  if (named.email) {
    const byEmail = await db.selectFrom("people").selectAll().where(sql<string>`lower(email)`, "=", named.email.toLowerCase()).executeTakeFirst();
    if (byEmail && (!named.handle || !byEmail.githubHandle)) return byEmail;
  }
  if (!named.handle && !named.email && named.name) {
    return db
      .selectFrom("people")
      .selectAll()
      .where("name", "=", named.name)
      .where("githubHandle", "is", null)
      .where("email", "is", null)
      .orderBy("id")
      .executeTakeFirst();
  }
  return undefined;
}

async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom("people").select("id").where(sql<string>`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/** Where a term page named a person with an address: the project's term and line, and the address. */
export interface PageContact {
  personId: number;
  contactEmail: string;
  termId: number;
  termSlug: string;
  termTitle: string;
  termTimeZone: string;
  sourceLine: number | null;
}

/** Every address term pages gave these people on their projects, in page order within each term. */
export function listPageContactsOf(db: Db, personIds: readonly number[]): Promise<PageContact[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("projectMentors")
    .innerJoin("projects", "projects.id", "projectMentors.projectId")
    .innerJoin("terms", "terms.id", "projects.termId")
    .select([
      "projectMentors.personId",
      "projectMentors.contactEmail",
      "terms.id as termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "projects.sourceLine",
    ])
    .where("projectMentors.personId", "in", personIds)
    .where("projectMentors.contactEmail", "is not", null)
    .orderBy("projects.sourceLine")
    .orderBy("projects.id")
    .$narrowType<{ contactEmail: string }>()
    .execute();
}

/** The person holding this address (case-insensitive), other than `personId`; undefined when nobody else does. */
export function findOtherHolderOf(db: Db, email: string, personId: number): Promise<Pick<PersonRow, "id" | "name" | "githubHandle"> | undefined> {
  return db
    .selectFrom("people")
    .select(["id", "name", "githubHandle"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .where("id", "<>", personId)
    .executeTakeFirst();
}

/**
 * Gives a person the address a term page gave them, unless they have an account: someone who
 * set a password, confirmed an address, signs in through a provider or was granted a role by
 * their address decides it themselves (a page that moved it could have its password reset
 * mailed elsewhere), so the update itself refuses them whatever its caller checked. True when
 * the address changed.
 */
export async function setPageEmail(db: Db, personId: number, email: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("people")
    .set({ email, updatedAt: at.toISOString() })
    .where("id", "=", personId)
    .where("passwordHash", "is", null)
    .where("emailVerifiedAt", "is", null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("roleGrants").select("personId").whereRef("roleGrants.personId", "=", "people.id"))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("identities").select("personId").whereRef("identities.personId", "=", "people.id"))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
