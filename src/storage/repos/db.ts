import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** A connection or an open transaction: repo functions work inside either. */
export type Db = Kysely<Database> | Transaction<Database>;
