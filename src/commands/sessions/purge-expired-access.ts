import { deleteSpentAccountTokens } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { deleteIdempotentAnswersBefore } from "../../storage/repos/idempotency-repo.ts";
import { deleteExpiredOidcLogins } from "../../storage/repos/oidc-login-repo.ts";
import { deleteEndedRateLimits } from "../../storage/repos/rate-limit-repo.ts";
import { deleteExpiredSessions } from "../../storage/repos/session-repo.ts";

/** How many rows one purge removed, by table. */
export interface PurgedAccess {
  sessions: number;
  accountTokens: number;
  oidcLogins: number;
  rateLimitCounters: number;
  idempotencyKeys: number;
}

/**
 * How long the answer to a request sent with an Idempotency-Key is kept for its retries: far
 * longer than any client retries, and the change it answered (an application submitted) refuses
 * a duplicate on its own after that.
 */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60_000;

/**
 * Removes what can no longer let anyone in: expired sessions, used, voided or expired
 * single-use account tokens, and OpenID Connect sign-ins that were never completed. Each is
 * refused already when it is presented; the purge keeps their hashes from piling up. Rate-limit
 * counters whose window ended go too, and the answers remembered under Idempotency-Keys once
 * older than IDEMPOTENCY_RETENTION_MS. Runs inside the caller's transaction (the scheduled job's).
 */
export async function purgeExpiredAccess(db: Db, now: Date): Promise<PurgedAccess> {
  return {
    sessions: await deleteExpiredSessions(db, now),
    accountTokens: await deleteSpentAccountTokens(db, now),
    oidcLogins: await deleteExpiredOidcLogins(db, now),
    rateLimitCounters: await deleteEndedRateLimits(db, now),
    idempotencyKeys: await deleteIdempotentAnswersBefore(db, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)),
  };
}
