import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canManageApiTokens } from "../../policies/api-token-policy.ts";

/** Refuses (FORBIDDEN) a caller signed in by a token where only a browser session may act on tokens. */
export function requireSession(actor: SignedIn): void {
  if (!canManageApiTokens(actor)) throw new AppError("FORBIDDEN", "Manage API tokens from a signed-in browser session, not with a token.");
}
