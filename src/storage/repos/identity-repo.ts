import type { IdentityTable } from "../schema.ts";
import type { Db } from "./db.ts";

/** A person's account at an external identity provider. */
export type IdentityRow = IdentityTable;

/** The identity with this provider (issuer) and subject, or undefined. */
export function findIdentity(db: Db, provider: string, subject: string): Promise<IdentityRow | undefined> {
  return db.selectFrom("identities").selectAll().where("provider", "=", provider).where("subject", "=", subject).executeTakeFirst();
}

/** The identities a person holds at one provider. */
export function listIdentitiesOf(db: Db, personId: number, provider: string): Promise<IdentityRow[]> {
  return db.selectFrom("identities").selectAll().where("personId", "=", personId).where("provider", "=", provider).execute();
}

/** Whether a person holds an identity at any provider. */
export async function hasAnyIdentity(db: Db, personId: number): Promise<boolean> {
  const row = await db.selectFrom("identities").select("personId").where("personId", "=", personId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Links a provider's subject to a person. */
export async function insertIdentity(db: Db, input: { provider: string; subject: string; personId: number; at: Date }): Promise<void> {
  await db
    .insertInto("identities")
    .values({ provider: input.provider, subject: input.subject, personId: input.personId, createdAt: input.at.toISOString() })
    .execute();
}
