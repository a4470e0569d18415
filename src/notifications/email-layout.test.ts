import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error.ts";
import { buildEmailMessage, linkBase } from "./email-layout.ts";

describe("buildEmailMessage", () => {
  const input = {
    baseUrl: "https://example.org/cohort/",
    subject: "Offer:  Harbor\nreplication",
    greeting: "Hello Ada,",
    paragraphs: ["You have an offer for <Harbor> & friends.", "  "],
    action: { label: "Accept or decline the offer", path: "/offers/7" },
    reason: "You applied to this project.",
  };

  it("writes a plain-text part that stands alone, with the link written out", () => {
    const message = buildEmailMessage(input);
    expect(message.actionUrl).toBe("https://example.org/cohort/offers/7");
    expect(message.subject).toBe("Offer: Harbor replication");
    expect(message.text).toBe(
      [
        "Hello Ada,",
        "You have an offer for <Harbor> & friends.",
        "Accept or decline the offer:\nhttps://example.org/cohort/offers/7",
        "-- \nYou applied to this project.\nCohort",
      ].join("\n\n"),
    );
  });

  it("escapes every value in the HTML part", () => {
    const message = buildEmailMessage({ ...input, action: { label: 'Go "now"', path: "/offers/7?a=1&b=2" } });
    expect(message.html).toContain("You have an offer for &lt;Harbor&gt; &amp; friends.");
    expect(message.html).toContain('<a href="https://example.org/cohort/offers/7?a=1&amp;b=2">Go &quot;now&quot;</a>');
  });

  it("accepts only a path on Cohort as the action", () => {
    for (const path of ["offers/7", "//evil.example/offers", "https://evil.example/"]) {
      const error = (() => {
        try {
          return buildEmailMessage({ ...input, action: { label: "Go", path } });
        } catch (caught) {
          return caught;
        }
      })();
      expect(isAppError(error, "INTERNAL")).toBe(true);
    }
  });

  it("links to COHORT_PUBLIC_URL when set, else to the server's own URL", () => {
    expect(linkBase({ publicUrl: "https://cohort.example.org" }, "http://127.0.0.1:3000")).toBe("https://cohort.example.org");
    expect(linkBase({ publicUrl: undefined }, "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });
});
