import type { ApiTokenRow, TokenScope } from "../schema.ts";
import type { Db } from "./db.ts";

/** Stores a new token (by its hash). */
export function insertApiToken(
  db: Db,
  input: { personId: number; name: string; tokenPrefix: string; tokenHash: string; scope: TokenScope; at: Date },
): Promise<ApiTokenRow> {
  return db
    .insertInto("apiTokens")
    .values({
      personId: input.personId,
      name: input.name,
      tokenPrefix: input.tokenPrefix,
      tokenHash: input.tokenHash,
      scope: input.scope,
      createdAt: input.at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The unrevoked token with this hash, or undefined. */
export function findActiveApiToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("apiTokens").selectAll().where("tokenHash", "=", tokenHash).where("revokedAt", "is", null).executeTakeFirst();
}

/** A person's tokens, newest first, revoked ones included. */
export function listApiTokens(db: Db, personId: number): Promise<ApiTokenRow[]> {
  return db.selectFrom("apiTokens").selectAll().where("personId", "=", personId).orderBy("id", "desc").execute();
}

/** One token of a person, or undefined. */
export function findApiTokenOf(db: Db, personId: number, tokenId: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("apiTokens").selectAll().where("personId", "=", personId).where("id", "=", tokenId).executeTakeFirst();
}

/** Revokes a token. */
export async function revokeApiToken(db: Db, tokenId: number, at: Date): Promise<void> {
  await db.updateTable("apiTokens").set({ revokedAt: at.toISOString() }).where("id", "=", tokenId).where("revokedAt", "is", null).execute();
}

/** Records that a token was used (at most once a minute, to spare writes on every request). */
export async function markApiTokenUsed(db: Db, tokenId: number, at: Date): Promise<void> {
  const minuteAgo = new Date(at.getTime() - 60_000).toISOString();
  await db
    .updateTable("apiTokens")
    .set({ lastUsedAt: at.toISOString() })
    .where("id", "=", tokenId)
    .where((eb) => eb.or([eb("lastUsedAt", "is", null), eb("lastUsedAt", "<", minuteAgo)]))
    .execute();
}

/** How many unrevoked tokens a person has. */
export async function countActiveApiTokensOf(db: Db, personId: number): Promise<number> {
  const row = await db
    .selectFrom("apiTokens")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("personId", "=", personId)
    .where("revokedAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Revokes every unrevoked token of a person (password reset, sign out everywhere); returns how many. */
export async function revokeApiTokensOf(db: Db, personId: number, at: Date): Promise<number> {
  const result = await db
    .updateTable("apiTokens")
    .set({ revokedAt: at.toISOString() })
    .where("personId", "=", personId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
