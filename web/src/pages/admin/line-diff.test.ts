import { describe, expect, it } from "vitest";
import { lineDiff, listDiff } from "./line-diff.ts";

describe("the diff an admin reads before approving a change", () => {
  it("keeps the common lines and shows a changed line as removed then added", () => {
    expect(lineDiff("Intro\nOld goal\nOutro", "Intro\nNew goal\nOutro")).toEqual([
      { kind: "same", text: "Intro" },
      { kind: "removed", text: "Old goal" },
      { kind: "added", text: "New goal" },
      { kind: "same", text: "Outro" },
    ]);
  });

  it("shows lines added at the end and removed at the start", () => {
    expect(lineDiff("a\nb", "b\nc")).toEqual([
      { kind: "removed", text: "a" },
      { kind: "same", text: "b" },
      { kind: "added", text: "c" },
    ]);
  });

  it("shows a new text as all added and an emptied one as all removed", () => {
    expect(lineDiff("", "one\ntwo")).toEqual([
      { kind: "added", text: "one" },
      { kind: "added", text: "two" },
    ]);
    expect(lineDiff("gone", "")).toEqual([{ kind: "removed", text: "gone" }]);
    expect(lineDiff("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });

  it("shows a skill list with one item per line", () => {
    expect(listDiff(["Go", "Kubernetes"], ["Go", "Rust"])).toEqual([
      { kind: "same", text: "Go" },
      { kind: "removed", text: "Kubernetes" },
      { kind: "added", text: "Rust" },
    ]);
  });

  it("shows texts too long to compare line by line as the whole before and after, at once", () => {
    const before = Array.from({ length: 600 }, (_, index) => `line ${index}`).join("\n");
    const after = Array.from({ length: 600 }, (_, index) => `line ${index + 1}`).join("\n");
    const lines = lineDiff(before, after);
    expect(lines).toHaveLength(1200);
    expect(lines.slice(0, 600).every((line) => line.kind === "removed")).toBe(true);
    expect(lines.slice(600).every((line) => line.kind === "added")).toBe(true);
  });
});
