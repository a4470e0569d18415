import { describe, expect, it } from "vitest";
import { isWebPagePath } from "./web-pages.ts";

describe("the web UI's pages", () => {
  it("knows each page address as the router matches it", () => {
    expect(isWebPagePath("/")).toBe(true);
    expect(isWebPagePath("")).toBe(true);
    expect(isWebPagePath("/terms/2024-02-jun-aug/projects")).toBe(true);
    expect(isWebPagePath("/Terms/2024-02-jun-aug/")).toBe(true);
    expect(isWebPagePath("/admin/cncf-lfx/audit")).toBe(true);
    expect(isWebPagePath("/admin/cncf-lfx/terms/2024-02-jun-aug")).toBe(true);
    expect(isWebPagePath("/admin/cncf-lfx/new-term")).toBe(true);
    expect(isWebPagePath("/terms/2024-02-jun-aug/projects/harbor")).toBe(false);
    expect(isWebPagePath("/terms//projects")).toBe(false);
    expect(isWebPagePath("/programs")).toBe(false);
    expect(isWebPagePath("/index")).toBe(false);
  });
});
