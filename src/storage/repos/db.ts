import { type Kysely, PostgresAdapter, type Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** A connection or an open transaction: repo functions work inside either. */
export type Db = Kysely<Database> | Transaction<Database>;

/** True when `db` runs on PostgreSQL, for the few repo functions whose SQL differs by engine. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
