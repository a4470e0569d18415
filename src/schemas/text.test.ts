import { describe, expect, it } from "vitest";
import { DisplayName, SingleLineText } from "./text.ts";

const messageOf = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("text from requests", () => {
  it.each([
    ["NUL", "acme\u0000corp", "U+0000 at character 5"],
    ["a line break", "two\nlines", "U+000A"],
    ["a tab", "a\tb", "U+0009"],
    ["DEL", "a\u007f", "U+007F"],
    ["a C1 control", "a\u0085b", "U+0085"],
    ["a line separator", "a\u2028b", "U+2028"],
    ["an unpaired surrogate", "a\ud800b", "U+D800"],
  ])("refuses %s on a line, naming the character and where it is", (_, text, where) => {
    const message = messageOf(SingleLineText.safeParse(text));
    expect(message).toContain("must not contain control characters");
    expect(message).toContain(where);
  });

  it("keeps any other character, in any script", () => {
    for (const text of ["Zoë Åström", "李小龙", "مریم‌السادات", "emoji 🚀 ok", "a\u200Bb"]) expect(SingleLineText.safeParse(text).success).toBe(true);
  });

  it.each([
    ["a right-to-left override", "Ada\u202Eecalevol"],
    ["an isolate", "\u2066Ada\u2069"],
    ["a zero-width space", "Ada\u200BLovelace"],
    ["a byte order mark", "\uFEFFAda"],
    ["a word joiner", "Ada\u2060Lovelace"],
    ["a joiner beside a space", "Ada \u200DLovelace"],
  ])("refuses %s in a name", (_, text) => {
    expect(messageOf(DisplayName.safeParse(text))).toContain("must not contain invisible formatting characters");
  });

  it("keeps the zero-width non-joiner between letters, as Persian writes it", () => {
    expect(DisplayName.safeParse("مریم‌السادات").success).toBe(true);
  });

  it("refuses control characters in a name too", () => {
    expect(messageOf(DisplayName.safeParse("Ada\u0000"))).toContain("must not contain control characters");
  });
});
