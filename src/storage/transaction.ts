import type { DatabaseHandle } from "./database.ts";
import type { Db } from "./repos/db.ts";

/**
 * Runs `work` in one database transaction: every write inside commits together or not at all
 * (a change, its audit event and its outbox rows). Commands use this instead of Kysely.
 *
 * On SQLite the transaction holds the write lock of the file from its start, and other
 * processes' writes wait for it: use it for writes, and keep slow work (password hashing,
 * network calls) outside `work`.
 */
export function inTransaction<T>(database: DatabaseHandle, work: (db: Db) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(work);
}
