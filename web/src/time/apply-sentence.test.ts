import { describe, expect, it } from "vitest";
import type { ApplyState } from "../../../src/schemas/catalog.ts";
import { applySentence } from "./apply-sentence.ts";
import { formatDateRange, instantInSentence } from "./format-date.ts";

const LA = "America/Los_Angeles";
// 17:00 PDT on Tue 28 May 2024, a date in the past whichever year the test runs in, so the year shows.
const CLOSE = "2024-05-29T00:00:00.000Z";

describe("an instant in a sentence", () => {
  it("gives the viewer's zone first and the term's beside it", () => {
    expect(instantInSentence(CLOSE, LA, "Europe/Berlin")).toBe("Wed 29 May 2024, 02:00 your time (Tue 28 May 2024, 17:00 PDT)");
    expect(instantInSentence(CLOSE, LA, "Asia/Kolkata")).toBe("Wed 29 May 2024, 05:30 your time (Tue 28 May 2024, 17:00 PDT)");
  });

  it("says the time once when the viewer is in the term's zone", () => {
    expect(instantInSentence(CLOSE, LA, LA)).toBe("Tue 28 May 2024, 17:00 PDT");
    expect(instantInSentence(CLOSE, "UTC", "Etc/UTC")).toBe("Wed 29 May 2024, 00:00 UTC");
  });
});

describe("whether one can apply, in words", () => {
  const apply = (state: ApplyState["state"], at: { opensAt?: string; closesAt?: string }): ApplyState => ({
    state,
    message: "The server's words, in the term's zone and UTC.",
    opensAt: at.opensAt ?? null,
    closesAt: at.closesAt ?? null,
  });

  it("words each state with the instant in the viewer's zone first", () => {
    expect(applySentence(apply("closed", { closesAt: CLOSE }), LA, "Europe/London")).toBe(
      "Applications closed on Wed 29 May 2024, 01:00 your time (Tue 28 May 2024, 17:00 PDT).",
    );
    expect(applySentence(apply("not_yet_open", { opensAt: CLOSE }), LA, LA)).toBe("Applications open on Tue 28 May 2024, 17:00 PDT.");
    expect(applySentence(apply("open", { closesAt: CLOSE }), LA, "UTC")).toBe(
      "Applications are open until Wed 29 May 2024, 00:00 your time (Tue 28 May 2024, 17:00 PDT).",
    );
  });

  it("keeps the server's words when there is no instant to say", () => {
    expect(applySentence(apply("not_scheduled", {}), LA)).toBe("The server's words, in the term's zone and UTC.");
  });
});

describe("a term's dates", () => {
  it("is a compact range in the term's zone whose end is the last day, not the exclusive midnight after it", () => {
    expect(formatDateRange("2024-04-23T07:00:00.000Z", "2024-08-31T07:00:00.000Z", LA)).toBe("23 Apr – 30 Aug 2024");
    expect(formatDateRange("2024-12-02T08:00:00.000Z", "2025-03-01T08:00:00.000Z", LA)).toBe("2 Dec 2024 – 28 Feb 2025");
    expect(formatDateRange("2024-06-12T07:00:00.000Z", "2024-06-13T07:00:00.000Z", LA)).toBe("12 Jun 2024");
  });
});
