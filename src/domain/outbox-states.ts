/**
 * Outbox message states, in the order a message moves through them: waiting to be sent,
 * claimed by a worker, sent, or failed for good after its last attempt.
 */
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;

/** One outbox message state. */
export type OutboxState = (typeof OUTBOX_STATES)[number];
