import { describe, expect, it } from "vitest";
import { linkProblem } from "./application-words.ts";

describe("a link typed into an application", () => {
  it("is taken as an http(s) address, and a row not typed yet is no problem", () => {
    expect(linkProblem("https://github.com/ada/portfolio")).toBeUndefined();
    expect(linkProblem("http://example.org/cv.pdf")).toBeUndefined();
    expect(linkProblem("   ")).toBeUndefined();
  });

  it("is refused beside the field in the server's words when it is not a web address", () => {
    expect(linkProblem("javascript:alert(1)")).toContain("must be a web address starting with https:// or http://");
    expect(linkProblem("ftp://example.org/file")).toContain("https://");
    expect(linkProblem("my portfolio")).toContain("https://");
  });
});
