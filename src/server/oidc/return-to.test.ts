import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.ts";

describe("safeReturnTo", () => {
  it("keeps a local path with its query", () => {
    expect(safeReturnTo("/terms/2026-01/projects?q=go#top")).toBe("/terms/2026-01/projects?q=go#top");
    expect(safeReturnTo("/")).toBe("/");
  });

  it("sends anything that could leave the site to /", () => {
    for (const value of [
      undefined,
      "",
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "terms",
      "/a\nb",
      "/a\\b",
      `/${"x".repeat(1000)}`,
    ]) {
      expect(safeReturnTo(value)).toBe("/");
    }
  });
});
