import { describe, expect, it } from "vitest";
import { autosaveWords } from "./use-autosave.ts";

describe("the autosave status line", () => {
  const at = new Date("2026-12-01T17:02:30.000Z");

  it("says when it last saved, in the viewer's zone", () => {
    expect(autosaveWords({ state: "saved", savedAt: at }, "UTC")).toBe("Saved 17:02");
    expect(autosaveWords({ state: "saved", savedAt: at }, "Europe/Berlin")).toBe("Saved 18:02");
    expect(autosaveWords({ state: "saving", savedAt: at }, "UTC")).toBe("Saving…");
  });

  it("says a failed save kept what was typed", () => {
    const words = autosaveWords({ state: "failed", savedAt: at, message: "Cohort cannot be reached." }, "UTC");
    expect(words).toContain("Not saved: Cohort cannot be reached.");
    expect(words).toContain("What you typed stays here");
  });
});
