import { sql } from "kysely";
import type { Db } from "./db.ts";

/**
 * Counts one hit of a rate-limit key in one statement, so concurrent processes never lose a
 * hit: a key whose window has ended starts a new one of `windowMs`. Answers the hits of the
 * window so far and when it ends.
 */
export async function hitRateLimit(db: Db, input: { key: string; windowMs: number; now: Date }): Promise<{ hits: number; windowEnds: Date }> {
  const now = input.now.toISOString();
  const ends = new Date(input.now.getTime() + input.windowMs).toISOString();
  const row = await db
    .insertInto("rateLimitCounters")
    .values({ key: input.key, hits: 1, windowEnds: ends })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({
        hits: sql`case when rate_limit_counters.window_ends <= ${now} then 1 else rate_limit_counters.hits + 1 end`,
        windowEnds: sql`case when rate_limit_counters.window_ends <= ${now} then excluded.window_ends else rate_limit_counters.window_ends end`,
      }),
    )
    .returning(["hits", "windowEnds"])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEnds: new Date(row.windowEnds) };
}

/** Deletes the counters whose window ended before `now` (daily housekeeping). */
export async function deleteEndedRateLimits(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom("rateLimitCounters").where("windowEnds", "<", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
