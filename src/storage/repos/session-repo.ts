import type { SessionTable } from "../schema.ts";
import type { Db } from "./db.ts";

/** A stored session. */
export type SessionRow = SessionTable;

/** Stores a new session (by the hash of its secret). */
export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/** The live session with this hash, or undefined when unknown or expired. */
export function findLiveSession(db: Db, idHash: string, at: Date): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("idHash", "=", idHash).where("expiresAt", ">", at.toISOString()).executeTakeFirst();
}

/** Moves a session's idle expiry on. */
export async function touchSession(db: Db, idHash: string, at: Date, expiresAt: Date): Promise<void> {
  await db.updateTable("sessions").set({ lastSeenAt: at.toISOString(), expiresAt: expiresAt.toISOString() }).where("idHash", "=", idHash).execute();
}

/** Ends one session. */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("idHash", "=", idHash).execute();
}

/** Ends every session of a person (sign out everywhere, password reset); returns how many. */
export async function deleteSessionsOf(db: Db, personId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("personId", "=", personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions that expired before `at`; returns how many. */
export async function deleteExpiredSessions(db: Db, at: Date): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expiresAt", "<=", at.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
