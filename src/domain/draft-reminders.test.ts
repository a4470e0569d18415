import { describe, expect, it } from "vitest";
import { draftReminderDueAt, draftReminderTimely, timeLeftWords } from "./draft-reminders.ts";

const deadline = new Date("2026-03-08T01:00:00.000Z");
const HOUR = 60 * 60_000;
const ahead = (ms: number) => new Date(deadline.getTime() - ms);

describe("draft reminders", () => {
  it("are due a day and an hour before the deadline", () => {
    expect(draftReminderDueAt(deadline, "24h").toISOString()).toBe("2026-03-07T01:00:00.000Z");
    expect(draftReminderDueAt(deadline, "1h").toISOString()).toBe("2026-03-08T00:00:00.000Z");
  });

  it("have something to say from their instant until the next reminder's, and never at or after the deadline", () => {
    expect(draftReminderTimely(deadline, "24h", ahead(24 * HOUR + 1))).toBe(false);
    expect(draftReminderTimely(deadline, "24h", ahead(24 * HOUR))).toBe(true);
    expect(draftReminderTimely(deadline, "24h", ahead(HOUR + 1))).toBe(true);
    expect(draftReminderTimely(deadline, "24h", ahead(HOUR))).toBe(false);
    expect(draftReminderTimely(deadline, "1h", ahead(HOUR))).toBe(true);
    expect(draftReminderTimely(deadline, "1h", ahead(1))).toBe(true);
    expect(draftReminderTimely(deadline, "1h", deadline)).toBe(false);
  });

  it("say the time left rounded as a person would, a few seconds late included", () => {
    expect(timeLeftWords(deadline, ahead(24 * HOUR - 2_000))).toBe("24 hours");
    expect(timeLeftWords(deadline, ahead(HOUR - 2_000))).toBe("1 hour");
    expect(timeLeftWords(deadline, ahead(14 * HOUR + 10 * 60_000))).toBe("14 hours");
    expect(timeLeftWords(deadline, ahead(40 * 60_000))).toBe("40 minutes");
    expect(timeLeftWords(deadline, ahead(20_000))).toBe("1 minute");
  });
});
