import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-body.ts";

describe("JSON nesting depth", () => {
  it("counts arrays and objects alike", () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it("measures depth, not the number of brackets", () => {
    expect(nestsDeeperThan(`[${"[],".repeat(10_000)}[]]`, 2)).toBe(false);
  });

  it("skips brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ text: "[[[[{{{{" }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: 'say "[[[[" \\ [[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan(`["\\\\", [[[1]]]]`, 3)).toBe(true);
  });

  it("reads a million nested brackets in one pass", () => {
    expect(nestsDeeperThan("[".repeat(1_000_000) + "]".repeat(1_000_000), 32)).toBe(true);
  });
});
