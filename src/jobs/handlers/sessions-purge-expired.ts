import { z } from "zod";
import { purgeExpiredAccess } from "../../commands/sessions/purge-expired-access.ts";
import { defineJobHandler } from "./job-handler.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * Daily housekeeping: removes expired sessions, spent account tokens, abandoned OpenID Connect
 * sign-ins, ended rate-limit windows and week-old Idempotency-Key answers, then plans its next
 * run a day later. Its first run comes soon after the first start of a server.
 */
export const sessionsPurgeExpired = defineJobHandler({
  kind: "sessions.purge-expired",
  payload: z.object({}),
  recurring: { key: "sessions.purge-expired", firstDueAt: (now) => now },
  async run({ db, now }) {
    const purged = await purgeExpiredAccess(db, now);
    return { nextDueAt: new Date(now.getTime() + DAY_MS), summary: { ...purged } };
  },
});
