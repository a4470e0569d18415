import type { SignedIn } from "./actor.ts";

/** Only a browser session may create or revoke API tokens: a token must not mint or revoke tokens. */
export function canManageApiTokens(actor: SignedIn): boolean {
  return actor.via.type === "session";
}
