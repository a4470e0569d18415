import { randomBytes } from "node:crypto";
import { hashSecret, newSecret } from "../../security/secrets.ts";
import type { Db } from "../../storage/repos/db.ts";
import { insertSession } from "../../storage/repos/session-repo.ts";

/** How long a session lives without being used. */
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000;

/** A session just created: the secret for the cookie (never stored) and its CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Starts a session for a person: a fresh random id every time (so signing in rotates it),
 * stored only as a hash, with its own CSRF token and an idle expiry.
 */
export async function startSession(db: Db, input: { personId: number; userAgent: string | null; at: Date }): Promise<NewSession> {
  const secret = newSecret("session");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(input.at.getTime() + SESSION_IDLE_MS);
  await insertSession(db, {
    idHash: secret.hash,
    personId: input.personId,
    csrfToken,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.at.toISOString(),
    lastSeenAt: input.at.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token: secret.token, csrfToken, expiresAt };
}

/** The stored key of a session cookie's value. */
export function sessionKey(cookieValue: string): string {
  return hashSecret(cookieValue);
}
