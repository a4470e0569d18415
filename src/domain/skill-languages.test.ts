import { describe, expect, it } from "vitest";
import { skillLanguageRows } from "../../scripts/generate-skill-languages.ts";
import { SKILL_LANGUAGES } from "./skill-languages.ts";

describe("the languages list", () => {
  it("is what the pinned linguist-languages package holds (run `npm run generate:skill-languages` after an upgrade)", () => {
    expect(SKILL_LANGUAGES).toEqual(skillLanguageRows());
  });
});
