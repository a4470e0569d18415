import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { deleteExpiredOidcLogins, insertOidcLogin } from "../../storage/repos/oidc-login-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";

/** How long a sign-in may stay at the provider before its answer is refused. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

/** A sign-in waiting for the provider's answer, as the callback needs it. */
export interface PendingOidcLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/**
 * Remembers a sign-in sent to the provider, keyed by the hash of its `state`, for ten minutes;
 * sign-ins that expired unanswered are cleared on the way.
 */
export async function beginOidcLogin(options: {
  database: DatabaseHandle;
  provider: string;
  state: string;
  login: PendingOidcLogin;
  now: Date;
}): Promise<void> {
  const { now } = options;
  await inTransaction(options.database, async (db) => {
    await deleteExpiredOidcLogins(db, now);
    await insertOidcLogin(db, {
      stateHash: hashSecret(options.state),
      provider: options.provider,
      nonce: options.login.nonce,
      codeVerifier: options.login.codeVerifier,
      returnTo: options.login.returnTo,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + OIDC_LOGIN_TTL_MS).toISOString(),
    });
  });
}
