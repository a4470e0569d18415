import type { OidcLoginTable } from "../schema.ts";
import type { Db } from "./db.ts";

/** A sign-in sent to the OpenID Connect provider, awaiting its answer. */
export type OidcLoginRow = OidcLoginTable;

/** Stores a pending sign-in. */
export async function insertOidcLogin(db: Db, login: OidcLoginRow): Promise<void> {
  await db.insertInto("oidcLogins").values(login).execute();
}

/**
 * Removes a pending sign-in and returns it, expired or not, so the caller can tell "expired"
 * from "unknown". One delete with `returning`, so two callbacks with one state cannot both win.
 */
export function takeOidcLogin(db: Db, stateHash: string): Promise<OidcLoginRow | undefined> {
  return db.deleteFrom("oidcLogins").where("stateHash", "=", stateHash).returningAll().executeTakeFirst();
}

/** Removes pending sign-ins that expired before `at`; returns how many. */
export async function deleteExpiredOidcLogins(db: Db, at: Date): Promise<number> {
  const result = await db.deleteFrom("oidcLogins").where("expiresAt", "<=", at.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
