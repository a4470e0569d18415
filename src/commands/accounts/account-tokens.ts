import { newSecret } from "../../security/secrets.ts";
import { insertAccountToken, voidAccountTokens } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import type { AccountTokenPurpose } from "../../storage/schema.ts";

/** How long an email verification link works. */
export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000;

/** How long a password reset link works. */
export const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;

/** A single-use account token just stored: the token for the link, shown once, and a short id safe to log. */
export interface IssuedAccountToken {
  token: string;
  hash: string;
  /** The first characters of the hash: names the token in an outbox key without revealing it. */
  tokenId: string;
}

// The token's readable prefix ("cohort_reset_…") tells a person which email it came from.
const SECRET_KIND: Record<AccountTokenPurpose, string> = { verify_email: "verify", reset_password: "reset" };

/**
 * Makes a single-use token for a person and a purpose and stores its hash, expiring `ttlMs`
 * after `at`. With `voidOlder`, the person's unused tokens of that purpose stop working first.
 */
export async function issueAccountToken(
  db: Db,
  options: { personId: number; purpose: AccountTokenPurpose; ttlMs: number; at: Date; voidOlder?: boolean },
): Promise<IssuedAccountToken> {
  const { personId, purpose, at } = options;
  if (options.voidOlder) await voidAccountTokens(db, personId, purpose, at);
  const secret = newSecret(SECRET_KIND[purpose]);
  await insertAccountToken(db, { personId, purpose, tokenHash: secret.hash, at, expiresAt: new Date(at.getTime() + options.ttlMs) });
  return { token: secret.token, hash: secret.hash, tokenId: secret.hash.slice(0, 16) };
}
