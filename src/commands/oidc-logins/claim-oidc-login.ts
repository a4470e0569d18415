import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { takeOidcLogin } from "../../storage/repos/oidc-login-repo.ts";
import type { PendingOidcLogin } from "./begin-oidc-login.ts";
import { oidcRefusal } from "./oidc-refusals.ts";

/**
 * Takes the sign-in a callback's `state` belongs to, once: an unknown state (tampered, or used
 * already) and one older than ten minutes are refused.
 */
export async function claimOidcLogin(options: { database: DatabaseHandle; provider: string; state: string; now: Date }): Promise<PendingOidcLogin> {
  const row = await takeOidcLogin(options.database.db, hashSecret(options.state));
  if (!row || row.provider !== options.provider) {
    throw oidcRefusal("invalid_state", "This sign-in was not started here, or was finished already; start again from the sign-in page.");
  }
  if (new Date(row.expiresAt).getTime() <= options.now.getTime()) throw oidcRefusal("expired", "This sign-in took more than ten minutes; start again.");
  return { nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
}
