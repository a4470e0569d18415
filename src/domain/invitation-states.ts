/**
 * Where an invitation stands: waiting to be accepted, accepted, or past its expiry unaccepted.
 * (Invitations cannot be revoked yet; an unwanted one simply expires.)
 */
export const INVITATION_STATES = ["pending", "accepted", "expired"] as const;

/** One invitation state. */
export type InvitationState = (typeof INVITATION_STATES)[number];

/** The state of an invitation at an instant: accepted wins, then expiry (`at ≥ expiresAt`). */
export function invitationStateAt(invitation: { acceptedAt: string | null; expiresAt: string }, at: Date): InvitationState {
  if (invitation.acceptedAt !== null) return "accepted";
  return new Date(invitation.expiresAt).getTime() <= at.getTime() ? "expired" : "pending";
}
