import { describe, expect, it } from "vitest";
import { markdownTextParts } from "./markdown-text-parts.ts";

describe("a short Markdown passage as text and links", () => {
  it("reads the application instructions of the CNCF term pages", () => {
    expect(
      markdownTextParts(
        "Mentee application instructions can be found on the [Program Guidelines](https://github.com/cncf/mentoring/blob/main/programs/lfx-mentorship/README.md#program-guidelines) page.",
      ),
    ).toEqual([
      { text: "Mentee application instructions can be found on the ", url: null },
      { text: "Program Guidelines", url: "https://github.com/cncf/mentoring/blob/main/programs/lfx-mentorship/README.md#program-guidelines" },
      { text: " page.", url: null },
    ]);
  });

  it("joins paragraphs into one line and drops emphasis, code and list marks", () => {
    expect(markdownTextParts("Read **the guide** first.\n\n- Then apply on `LFX`.")).toEqual([{ text: "Read the guide first. Then apply on LFX.", url: null }]);
  });

  it("links bare and angle-bracket URLs, without the sentence's full stop", () => {
    expect(markdownTextParts("See <https://example.org/a> or https://example.org/b.")).toEqual([
      { text: "See ", url: null },
      { text: "https://example.org/a", url: "https://example.org/a" },
      { text: " or ", url: null },
      { text: "https://example.org/b", url: "https://example.org/b" },
      { text: ".", url: null },
    ]);
  });

  it("keeps a javascript: link as text", () => {
    expect(markdownTextParts("[click](javascript:alert(1)) here")).toEqual([{ text: "[click](javascript:alert(1)) here", url: null }]);
  });

  it("gives nothing for an empty passage", () => {
    expect(markdownTextParts(" \n\n ")).toEqual([]);
  });
});
