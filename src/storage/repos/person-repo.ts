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
 * then by email, then by exact name among people with neither. Fills in an email or a name
 * the stored person lacks; never overwrites what a person set themselves.
 */
export async function findOrCreatePerson(
  db: Db,
  named: NamedPerson,
  at: Date,
  options: { emailWasPublished?: boolean } = {},
): Promise<{ person: PersonRow; created: boolean }> {
  const existing = await findPerson(db, named);
  if (existing) {
    const fill: { email?: string; githubHandle?: string; name?: string } = {};
    if (!existing.email && named.email && !(await emailTaken(db, named.email))) fill.email = named.email;
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
      // A person created from a public page keeps the email public as they published it there.
      emailPublic: email && options.emailWasPublished ? 1 : 0,
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
