import { AppError } from "../../errors/app-error.ts";

/** Why a sign-in with the provider is refused: short codes the sign-in page explains. */
export const OIDC_REFUSALS = ["invalid_state", "expired", "email_unverified", "already_linked"] as const;
/** One refusal code. */
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

/** A refusal the route turns into `/sign-in?error=<reason>`. */
export function oidcRefusal(reason: OidcRefusal, message: string): AppError {
  return new AppError(reason === "invalid_state" || reason === "expired" ? "INVALID_INPUT" : "FORBIDDEN", message, { reason });
}

/** The refusal code an error carries, if it is one of this flow's refusals. */
export function oidcRefusalOf(error: unknown): OidcRefusal | undefined {
  const reason = error instanceof AppError ? error.details?.reason : undefined;
  return OIDC_REFUSALS.find((code) => code === reason);
}
