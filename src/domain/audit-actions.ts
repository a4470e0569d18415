/**
 * Every action the audit log records, `<object>.<what happened>`. A command can record only
 * these, so a misspelt action is a type error and the audit log's filter knows them all.
 */
export const AUDIT_ACTIONS = [
  "account.signed_up",
  "account.signup_repeated",
  "account.email_verified",
  "account.confirmation_resent",
  "account.signed_in",
  "account.signed_in_oidc",
  "account.signed_out",
  "account.signed_out_everywhere",
  "account.password_reset_requested",
  "account.password_reset",
  "profile.updated",
  "token.created",
  "token.revoked",
  "role.granted",
  "invitation.created",
  "invitation.accepted",
  "program.created",
  "term.imported",
] as const;

/** One audit action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
