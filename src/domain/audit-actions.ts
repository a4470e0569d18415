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
  "program.settings_updated",
  "organization.created",
  "organization.updated",
  "term.imported",
  "term.created",
  "term.updated",
  "term.published",
  "term.timeline_changed",
  "term.copied",
  "proposal.created",
  "proposal.updated",
  "proposal.submitted",
  "proposal.withdrawn",
  "proposal.accepted",
  "proposal.rejected",
  "proposal.changes_requested",
  "proposal.change_proposed",
  "proposal.change_approved",
  "proposal.mentor_confirmed",
  "proposal.mentor_declined",
  "proposal.mentor_asked_again",
] as const;

/** One audit action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
