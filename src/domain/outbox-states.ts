/**
 * Outbox message states, in the order a message moves through them: waiting to be sent,
 * claimed by a worker, sent, or failed for good after its last attempt.
 */
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;

/** One outbox message state. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** An email's delivery as people are told it: queued (waiting or being sent), sent, or failed for good. */
export const DELIVERY_STATES = ["queued", "sent", "failed"] as const;

/** One delivery state. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The delivery state of an outbox message in its state. */
export function deliveryStateOf(state: OutboxState): DeliveryState {
  return state === "sent" ? "sent" : state === "failed" ? "failed" : "queued";
}

/** "queued, not sent", "sent" or "failed: <reason>", with the last error of a retry still to come. */
export function deliveryWords(state: OutboxState, lastError: string | null): string {
  const delivery = deliveryStateOf(state);
  if (delivery === "sent") return "sent";
  if (delivery === "failed") return `failed: ${lastError ?? "no reason recorded"}`;
  return lastError ? `queued, not sent (the last try failed: ${lastError})` : "queued, not sent";
}
