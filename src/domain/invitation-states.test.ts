import { describe, expect, it } from "vitest";
import { invitationStateAt } from "./invitation-states.ts";
import { deliveryWords } from "./outbox-states.ts";

describe("an invitation's state", () => {
  const at = new Date("2026-11-25T10:00:00Z");
  it("is pending until it expires, expired from its expiry on, accepted once accepted", () => {
    expect(invitationStateAt({ acceptedAt: null, expiresAt: "2026-11-25T10:00:00.001Z" }, at)).toBe("pending");
    expect(invitationStateAt({ acceptedAt: null, expiresAt: "2026-11-25T10:00:00.000Z" }, at)).toBe("expired");
    expect(invitationStateAt({ acceptedAt: "2026-11-20T10:00:00Z", expiresAt: "2026-11-21T10:00:00Z" }, at)).toBe("accepted");
  });
});

describe("an email's delivery in words", () => {
  it("says queued until the outbox has sent it, and why it failed", () => {
    expect(deliveryWords("pending", null)).toBe("queued, not sent");
    expect(deliveryWords("sending", null)).toBe("queued, not sent");
    expect(deliveryWords("pending", "connection refused")).toBe("queued, not sent (the last try failed: connection refused)");
    expect(deliveryWords("sent", null)).toBe("sent");
    expect(deliveryWords("failed", "550 mailbox unavailable")).toBe("failed: 550 mailbox unavailable");
  });
});
