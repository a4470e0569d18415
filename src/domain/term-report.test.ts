import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crowdedEnds, emptyFunnel, FUNNEL_STEPS, funnelRows, percentOf, skillVariants } from "./term-report.ts";

describe("a share of a funnel step", () => {
  it("is a percentage with one decimal, rounded half up", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 7)).toBe(0);
  });

  it("does not exist when nobody reached the step it is measured against", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, 0)).toBeNull();
  });

  it("stays between 0 and 100 when the part is at most the whole", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (whole, fraction) => {
        const share = percentOf(Math.floor(whole * fraction), whole);
        return share !== null && share >= 0 && share <= 100;
      }),
    );
  });
});

describe("the funnel's rows", () => {
  it("lists every step in order, each measured against the step before it where one is a part of the other", () => {
    const rows = funnelRows({
      proposals: 10,
      acceptedProjects: 8,
      applicants: 30,
      applications: 45,
      shortlisted: 15,
      offers: 6,
      accepted: 5,
      midtermPassed: 4,
      completed: 3,
      paid: 3,
    });
    expect(rows.map((row) => row.step)).toEqual([...FUNNEL_STEPS]);
    expect(rows.map((row) => [row.step, row.base, row.percentOfBase])).toEqual([
      ["proposals", null, null],
      ["acceptedProjects", "proposals", 80],
      ["applicants", null, null],
      ["applications", null, null],
      ["shortlisted", "applications", 33.3],
      ["offers", "shortlisted", 40],
      ["accepted", "offers", 83.3],
      ["midtermPassed", "accepted", 80],
      ["completed", "midtermPassed", 75],
      ["paid", "completed", 100],
    ]);
    expect(rows[0]?.label).toBe("Proposals submitted");
  });

  it("has no shares for a term where nothing happened yet", () => {
    expect(funnelRows(emptyFunnel()).every((row) => row.count === 0 && row.percentOfBase === null)).toBe(true);
  });
});

describe("the most and least crowded projects", () => {
  const sorted = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

  it("are the first few and the last few, the least crowded first", () => {
    expect(crowdedEnds(sorted, 5)).toEqual({ most: ["a", "b", "c", "d", "e"], least: ["l", "k", "j", "i", "h"] });
  });

  it("never list a project twice when there are fewer than twice as many", () => {
    expect(crowdedEnds(["a", "b", "c", "d", "e", "f", "g"], 5)).toEqual({ most: ["a", "b", "c", "d", "e"], least: ["g", "f"] });
    expect(crowdedEnds(["a", "b"], 5)).toEqual({ most: ["a", "b"], least: [] });
    expect(crowdedEnds([], 5)).toEqual({ most: [], least: [] });
  });

  it("together hold each item at most once, whatever the list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (items, count) => {
        const { most, least } = crowdedEnds(items, count);
        return new Set([...most, ...least]).size === most.length + least.length && most.length <= count && least.length <= count;
      }),
    );
  });
});

describe("which profile skills count for an asked skill", () => {
  it("maps each written form to its tag and leaves out forms of skills nobody asked for", () => {
    const tagOf = (text: string) => ({ golang: "go", go: "go", Kubernetes: "kubernetes", rust: "rust" })[text] ?? null;
    expect(skillVariants(["golang", "go", "Kubernetes", "rust", "?"], ["go", "kubernetes"], tagOf)).toEqual([
      { text: "golang", tag: "go" },
      { text: "go", tag: "go" },
      { text: "Kubernetes", tag: "kubernetes" },
    ]);
  });
});
