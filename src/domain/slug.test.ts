import { describe, expect, it } from "vitest";
import { slugify, termSlugFromPath, uniqueSlug } from "./slug.ts";

describe("slugs", () => {
  it("turns titles into URL-safe slugs", () => {
    expect(slugify("Jaeger-V2 Kafka-based architecture")).toBe("jaeger-v2-kafka-based-architecture");
    expect(slugify("  Café & Crème: v1.0!  ")).toBe("cafe-and-creme-v1-0");
    expect(slugify("!!!")).toBe("");
  });

  it("cuts long slugs without a trailing hyphen", () => {
    expect(slugify("a ".repeat(100), 10)).toBe("a-a-a-a-a");
  });

  it("numbers a slug that is taken", () => {
    expect(uniqueSlug("harbor-cli", new Set(["harbor-cli", "harbor-cli-2"]))).toBe("harbor-cli-3");
    expect(uniqueSlug("harbor-cli", new Set())).toBe("harbor-cli");
  });

  it("names a term after the folders of its page", () => {
    expect(termSlugFromPath("programs/lfx-mentorship/2024/02-Jun-Aug/README.md")).toBe("2024-02-jun-aug");
    expect(termSlugFromPath("programs/lfx-mentorship/2020/q3-q4/selected_projects.md")).toBe("2020-q3-q4");
    expect(termSlugFromPath("programs/lfx-mentorship/2019/README.md")).toBe("2019");
    expect(termSlugFromPath("README.md")).toBeNull();
  });
});
