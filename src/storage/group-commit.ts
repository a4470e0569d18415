import type { DatabaseHandle } from "./database.ts";
import type { Db } from "./repos/db.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Runs `work` as one unit of a shared write transaction: on SQLite, concurrent units are
 * committed together with one fsync, and each caller is answered only after the commit that
 * holds its unit. A unit that throws is rolled back alone and rejects its own caller. Until
 * batching lands, each unit is its own transaction, which keeps the same contract.
 */
export function inGroupCommit<T>(database: DatabaseHandle, work: (db: Db) => Promise<T>): Promise<T> {
  return inTransaction(database, work);
}
