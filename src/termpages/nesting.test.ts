import { describe, expect, it } from "vitest";
import { handMade } from "../../test/fixtures/termpages/index.ts";
import { parseTermPage } from "./parse.ts";
import type { ParsedTermPage } from "./types.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
const parse = (name: string) => parseTermPage(handMade(name), { now: NOW });
const outline = (page: ParsedTermPage) => page.organizations.map((org) => [org.name, org.projects.map((project) => [project.title, project.group ?? null])]);
const count = (page: ParsedTermPage) => page.organizations.reduce((sum, org) => sum + org.projects.length, 0);

describe("an organization heading written one level too deep", () => {
  it("is its own organization when its projects' issues are in another GitHub organization than the parent's", () => {
    const page = parse("nested-organization.md");
    expect(outline(page)).toEqual([
      ["Lantern", [["Make the lantern glow", null]]],
      [
        "Beacon",
        [
          ["Measure how far the beacon shines", null],
          // At Beacon's own level, right after it, with Beacon's issues: Beacon's, as a reader takes it.
          ["Document the beacon's signals", null],
        ],
      ],
      // kubernetes-csi is Kubernetes' own: SIG Storage stays a sub-group.
      [
        "Kubernetes",
        [
          ["Test the storage drivers", null],
          ["Snapshot the volumes", "SIG Storage"],
        ],
      ],
    ]);
    expect(count(page)).toBe(5);
    const levels = page.findings.filter((f) => f.rule === "heading-level").map((f) => f.message);
    expect(levels).toEqual([
      'organization "Beacon" is a level-4 heading; the page\'s organizations are level 3',
      'project "Document the beacon\'s signals" is a level-4 heading under a level-4 organization; expected level 5',
    ]);
  });

  it("is its own organization when the table of contents lists it beside the others", () => {
    const page = parse("nested-organization-toc.md");
    expect(outline(page)).toEqual([
      ["Lantern", [["Make the lantern glow", null]]],
      ["Beacon", [["Measure how far the beacon shines", null]]],
    ]);
    expect(page.findings.filter((f) => f.rule.startsWith("toc-"))).toEqual([]);
  });
});

describe("a heading that only gathers organization headings", () => {
  it("is no organization; the organizations below it are, and its prose stays on the page", () => {
    const page = parse("gathering-heading.md");
    expect(outline(page)).toEqual([
      ["Meshline", [["Trace every hop", null]]],
      ["Portal Mesh", [["Federate two clusters", null]]],
      // Sub-groups whose issues are all Kubernetes' own stay Kubernetes' sub-groups.
      [
        "Kubernetes",
        [
          ["Speed up the kubelet", "SIG Node"],
          ["Translate the glossary", "SIG Docs"],
        ],
      ],
    ]);
    expect(page.sections).toContainEqual({ heading: "Service meshes", text: "The meshes below share one mentoring call." });
  });
});

describe("sections that show the format", () => {
  it("are not projects, however the page words them", () => {
    const page = parse("format-example.md");
    expect(outline(page)).toEqual([["Lantern", [["Add new getting started examples", null]]]]);
    expect(page.sections?.map((section) => section.heading)).toContain("How to propose a project");
  });
});
