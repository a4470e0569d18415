import type { Db } from "./db.ts";

/** The first answer to a request sent with an Idempotency-Key: what was asked (its hash) and what was answered. */
export interface IdempotentAnswer {
  requestHash: string;
  statusCode: number;
  /** The answer's JSON. */
  response: string;
}

/** The answer remembered for this person's key; undefined when the key is new. */
export function findIdempotentAnswer(db: Db, personId: number, key: string): Promise<IdempotentAnswer | undefined> {
  return db
    .selectFrom("idempotencyKeys")
    .select(["requestHash", "statusCode", "response"])
    .where("personId", "=", personId)
    .where("key", "=", key)
    .executeTakeFirst();
}

/** Forgets the answers remembered before `before`; how many. */
export async function deleteIdempotentAnswersBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("idempotencyKeys").where("createdAt", "<", before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Remembers the answer to a person's key, inside the transaction of the change it answers, so
 * the change and its answer commit together or not at all. The key taken twice is a CONFLICT.
 */
export async function recordIdempotentAnswer(db: Db, input: IdempotentAnswer & { personId: number; key: string; at: Date }): Promise<void> {
  await db
    .insertInto("idempotencyKeys")
    .values({
      personId: input.personId,
      key: input.key,
      requestHash: input.requestHash,
      statusCode: input.statusCode,
      response: input.response,
      createdAt: input.at.toISOString(),
    })
    .execute();
}
