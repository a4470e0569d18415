import { describe, expect, it } from "vitest";
import { fixture } from "../../test/fixtures/termpages/index.ts";
import { TermPageError } from "./errors.ts";
import { parseTermPage } from "./parse.ts";
import type { Finding, ParsedProject, ParsedTermPage } from "./types.ts";

// The corpus was taken on 2026-08-05; counts below assume that clock.
const NOW = new Date("2026-08-05T00:00:00Z");
const parse = (page: string) => parseTermPage(fixture(page), { fileName: `lfx-mentorship/${page}`, now: NOW });
const projects = (page: ParsedTermPage) => page.organizations.flatMap((org) => org.projects);
const mentorCount = (page: ParsedTermPage) => projects(page).reduce((sum, project) => sum + project.mentors.length, 0);
const byRule = (findings: Finding[]) => {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
};
const project = (page: ParsedTermPage, title: string) => projects(page).find((p) => p.title === title) as ParsedProject;

describe("2019/README.md: projects as table rows", () => {
  const page = parse("2019/README.md");

  it("has 3 organizations, 4 projects and 5 mentors (counted by hand)", () => {
    expect(page.title).toBe("2019");
    expect(page.organizations.map((org) => [org.name, org.projects.length])).toEqual([
      ["Kubernetes", 2],
      ["CoreDNS", 1],
      ["Jaeger & Linkerd", 1],
    ]);
    expect(mentorCount(page)).toBe(5);
    expect(projects(page).map((p) => p.line)).toEqual([12, 13, 14, 15]);
  });

  it("splits mentors joined with & and keeps the mentee column", () => {
    const linkerd = project(page, "Distributed Tracing support for Linkerd");
    expect(linkerd.mentors).toEqual([
      { name: "Juraci Paixão", handle: null, email: null },
      { name: "Thomas Grampelberg", handle: null, email: null },
    ]);
    expect(linkerd.extraFields).toEqual([{ label: "Mentee Name", text: "[Tarun Pothulapati](https://www.linkedin.com/in/tpothulapati/)" }]);
  });

  it("reports the five fields a table row cannot carry, for each of the 4 projects (20 findings)", () => {
    expect(page.findings).toHaveLength(20);
    expect(byRule(page.findings)).toEqual({
      "missing-description": 4,
      "missing-expected-outcome": 4,
      "missing-skills": 4,
      "missing-upstream-issue": 4,
      "missing-program-link": 4,
    });
    expect(page.timeline).toEqual([]);
    expect(page.intro).toContain("In 2019, CNCF was participating in the Community Bridge");
  });
});

describe("2020/q2/selected_projects.md", () => {
  const page = parse("2020/q2/selected_projects.md");

  it("has 14 organizations, 21 projects and 35 mentors; the Sample section is not a project", () => {
    expect(page.title).toBe("Selected Projects");
    expect(page.organizations).toHaveLength(14);
    expect(projects(page)).toHaveLength(21);
    expect(mentorCount(page)).toBe(35);
    expect(projects(page).some((p) => p.title.startsWith("Refactor the APIs"))).toBe(false);
    expect(page.organizations.map((org) => org.name)).toEqual([
      "Service Mesh Interface",
      "Kubernetes",
      "Linkerd",
      "KubeEdge",
      "TiKV",
      "Envoy",
      "CoreDNS",
      "OPA",
      "KubeVirt",
      "OpenEBS",
      "Prometheus",
      "Thanos",
      "Fluentd",
      "Argo",
    ]);
  });

  it("finds 90 irregularities, by rule as counted by hand", () => {
    expect(byRule(page.findings)).toEqual({
      "field-label-variant": 37,
      "heading-level": 2,
      "missing-expected-outcome": 21,
      "missing-program-link": 6,
      "missing-skills": 1,
      "missing-upstream-issue": 1,
      "unknown-field": 22,
    });
    expect(page.findings.filter((f) => f.rule === "heading-level").map((f) => f.line)).toEqual([56, 124]);
  });

  it("reads fields nested under an unlabelled item and merges a repeated mentor field", () => {
    const fluentBit = project(page, "Fluent Bit Monitoring Web UI");
    expect(fluentBit.skills).toEqual(["javascript", "vue.js", "css", "html", "ux-design"]);
    expect(fluentBit.mentors).toEqual([{ name: "Eduardo Silva", handle: "edsiper", email: null }]);
    expect(fluentBit.upstreamIssues).toEqual(["https://github.com/fluent/fluent-bit/issues/2147"]);
    expect(fluentBit.url).toBe("https://people.communitybridge.org/project/d24ab158-e4e5-4042-91ad-b30ae52941d2");
  });

  it("takes the Community Bridge link as the program link and TBD as no issue", () => {
    const argo = project(page, "Enhancing Developer Experience with Open Application Model Delpoyment using Argo CD");
    expect(argo.upstreamIssues).toEqual([]);
    expect(argo.url).toBe("https://people.communitybridge.org/project/5d5d4357-f340-47c9-9ff2-7b0536291576");
    const thanos = project(page, "Per Request Query Tracking and Limiting");
    expect(thanos.upstreamIssues).toEqual(["https://github.com/thanos-io/thanos/issues/1706", "https://github.com/thanos-io/thanos/issues/2527"]);
  });
});

describe("2022/01-Spring/README.md: sub-groups, bold labels, two projects under one heading", () => {
  const page = parse("2022/01-Spring/README.md");

  it("has 19 organizations, 42 projects and 75 mentors (counted by hand)", () => {
    expect(page.title).toBe("Q1");
    expect(page.organizations).toHaveLength(19);
    expect(projects(page)).toHaveLength(42);
    expect(mentorCount(page)).toBe(75);
  });

  it("finds 87 irregularities: 42 label variants, 42 missing outcomes, one missing skills field and the shared heading", () => {
    expect(byRule(page.findings)).toEqual({
      "field-label-variant": 42,
      "missing-expected-outcome": 42,
      "missing-skills": 1,
      "shared-heading": 1,
      "duplicate-project": 1,
    });
    expect(page.findings.find((f) => f.rule === "shared-heading")?.line).toBe(107);
  });

  it("reads the second project under one heading as its own project", () => {
    const kubeArmor = page.organizations.find((org) => org.name === "KubeArmor");
    expect(kubeArmor?.projects.map((p) => [p.title, p.line, p.url])).toEqual([
      ["Extending kubearmor-cli-tool filtering options", 99, "https://mentorship.lfx.linuxfoundation.org/project/aebb67b1-c918-4eee-8c25-df0cf7e38bee"],
      ["Extending kubearmor-cli-tool filtering options", 107, "https://mentorship.lfx.linuxfoundation.org/project/81f0d863-30ca-43b5-a368-fd422ec681a6"],
    ]);
  });

  it("keeps sub-groups inside their organization", () => {
    const kubernetes = page.organizations.find((org) => org.name === "Kubernetes");
    const katacoda = kubernetes?.projects.find((p) => p.title === "Creating Katacoda Scenarios To Help New Contributors");
    expect(katacoda?.group).toBe("Kubernetes (SIG Contribex: Mentoring Subproject)");
    expect(katacoda?.description).toContain("This internship involves improving the existing Katacoda scenario");
    expect(katacoda?.skills).toEqual(["technical-writing", "kubernetes", "go"]);
  });

  it("reads a bullet timeline with ordinals and no year", () => {
    expect(page.timeline.map((row) => [row.activity, row.kind, row.start, row.end])).toContainEqual([
      "mentees applications open",
      "applications",
      "2022-02-02T08:00:00.000Z",
      "2022-02-14T08:00:00.000Z",
    ]);
  });
});

describe("2024/02-Jun-Aug/README.md: the current style", () => {
  const page = parse("2024/02-Jun-Aug/README.md");

  it("has 25 organizations, 48 projects and 110 mentors (counted by hand)", () => {
    expect(page.title).toBe("Term 02 - 2024 June - August");
    expect(page.status).toBe("Complete");
    expect(page.duration).toBe("Mentorship duration - three months (11 weeks - full-time schedule)");
    expect(page.organizations).toHaveLength(25);
    expect(projects(page)).toHaveLength(48);
    expect(mentorCount(page)).toBe(110);
    expect(page.toc).toHaveLength(62);
    expect(page.toc.slice(0, 2).map((entry) => entry.text)).toEqual(["Cilium", "Cilium Technical Outcomes"]);
  });

  it("reads the timeline into instants in America/Los_Angeles", () => {
    expect(page.timeline.map((row) => [row.line, row.kind, row.start, row.end])).toEqual([
      [11, "proposals", "2024-04-08T07:00:00.000Z", "2024-05-09T00:00:00.000Z"],
      [12, "applications", "2024-05-13T07:00:00.000Z", "2024-05-29T00:00:00.000Z"],
      [13, "review", "2024-05-29T07:00:00.000Z", "2024-06-12T00:00:00.000Z"],
      [14, "notifications", "2024-06-13T00:00:00.000Z", "2024-06-13T00:00:00.000Z"],
      [15, "start", "2024-06-17T07:00:00.000Z", "2024-06-18T07:00:00.000Z"],
      [16, "midterm", "2024-07-24T07:00:00.000Z", "2024-07-25T07:00:00.000Z"],
      [17, "final", "2024-08-29T00:00:00.000Z", "2024-08-29T00:00:00.000Z"],
      [18, "end", "2024-08-30T07:00:00.000Z", "2024-08-31T07:00:00.000Z"],
    ]);
    expect(page.timeline[1]?.text).toBe("Monday May 13 - Tues May 28, 5:00 PM PDT");
  });

  it("names the projects missing from the table of contents and the PST in August", () => {
    const missing = page.findings.filter((f) => f.rule === "toc-missing-project");
    expect(missing.map((f) => f.line)).toEqual([111, 125, 496, 579, 593, 607, 662]);
    expect(missing[0]?.message).toBe('project "Mapping CNCF Landscape one Relationship-at-a-time" (CNCF TAG Network) is not in the table of contents');
    expect(missing[1]?.message).toContain('"Technical Content Creation CNCF Challenges" (CNCF TAG Network)');
    const zone = page.findings.filter((f) => f.rule === "wrong-zone-abbreviation");
    expect(zone).toEqual([
      {
        rule: "wrong-zone-abbreviation",
        severity: "warning",
        line: 17,
        message: expect.stringContaining("PST (UTC-8) does not apply on Aug 28, 2024"),
      },
    ]);
  });

  it("finds 27 irregularities, by rule as counted by hand", () => {
    expect(byRule(page.findings)).toEqual({
      "wrong-zone-abbreviation": 1,
      "toc-missing-organization": 4,
      "toc-missing-project": 7,
      "field-label-variant": 10,
      "heading-level": 3,
      "malformed-email": 1,
      "missing-expected-outcome": 1,
    });
    expect(page.findings.map((f) => f.line)).toEqual([...page.findings.map((f) => f.line)].sort((a, b) => a - b));
  });

  it("reads each project's fields", () => {
    const cilium = project(page, "Cilium Technical Outcomes");
    expect(cilium).toMatchObject({
      line: 97,
      expectedOutcome: expect.stringContaining("A section of the Cilium website"),
      mentors: [
        { name: "Paul Arah", handle: "paularah", email: "paul.arah@isovalent.com" },
        { name: "Bill Mulligan", handle: "xmulligan", email: "bill.mulligan@isovalent.com" },
      ],
      upstreamIssues: ["https://github.com/cilium/cilium.io/issues/492"],
      url: "https://mentorship.lfx.linuxfoundation.org/project/9ab5c6dc-4735-4dfb-99c0-d00e86aeae60",
    });
    const guac = page.organizations.find((org) => org.name === "in-toto")?.projects[0];
    expect(guac?.title).toBe("Add GUAC support");
    const challenges = project(page, "Technical Content Creation CNCF Challenges");
    // The paragraphs that broke out of the list still belong to the description.
    expect(challenges.description).toContain("Your mission in this internship is technical content creation");
    expect(challenges.mentors[1]).toEqual({ name: "Nic Jackson", handle: "nicholasjackson", email: "jackson.nic@gmail.com" });
    const harbor = project(page, "Harbor CLI");
    expect(harbor.skills).toEqual(["go", "cobra"]);
    expect(harbor.skillsText).toBe("Golang, spf13/cobra");
  });

  it("reports a status that contradicts the timeline at the time given", () => {
    const early = parseTermPage(fixture("2024/02-Jun-Aug/README.md"), { now: new Date("2024-07-01T00:00:00Z") });
    expect(early.findings.filter((f) => f.rule === "status-contradicts-timeline")).toEqual([
      { rule: "status-contradicts-timeline", severity: "warning", line: 3, message: '"Status: Complete" but the term runs until 2024-08-31' },
    ]);
  });
});

describe("2026/03-Sep-Nov/README.md", () => {
  const page = parse("2026/03-Sep-Nov/README.md");

  it("has 24 organizations, 59 projects and 133 mentors (counted by hand)", () => {
    expect(page.organizations).toHaveLength(24);
    expect(projects(page)).toHaveLength(59);
    expect(mentorCount(page)).toBe(133);
  });

  it("finds 123 irregularities: no Expected Outcome field, a Technologies field and 5 anchors GitHub would not resolve", () => {
    expect(byRule(page.findings)).toEqual({ "missing-expected-outcome": 59, "unknown-field": 59, "toc-broken-anchor": 5 });
  });

  it("keeps a blockquoted description and UTC deadlines", () => {
    const mcp = project(page, "MCP Tool Validation and Compatibility Checking");
    expect(mcp.intro).toBe("CNCF - Apicurio Registry: MCP Tool Validation and Compatibility Checking (2026 Term 3)");
    expect(mcp.description?.split("\n")[0]).toBe("> ## Description");
    expect(mcp.extraFields).toEqual([{ label: "Technologies", text: "Java, Quarkus, JSON Schema, React, TypeScript, REST" }]);
    expect(page.timeline.find((row) => row.kind === "applications")).toMatchObject({
      start: "2026-08-03T00:00:00.000Z",
      end: "2026-08-18T23:59:00.000Z",
    });
  });
});

describe("other pages", () => {
  it("reports November 31st (2021/03-Fall), keeps its wording and ends the term on November 30th", () => {
    const page = parse("2021/03-Fall/README.md");
    // The exclusive end: midnight after November 30th in Los Angeles (PST).
    expect(page.timeline[0]).toMatchObject({ activity: "Fall Term", text: "September 1st - November 31st", end: "2021-12-01T08:00:00.000Z" });
    expect(page.findings.filter((f) => f.rule === "unreadable-date").map((f) => f.line)).toEqual([7]);
    expect(page.findings.filter((f) => f.rule === "inferred-term-end")).toEqual([
      {
        rule: "inferred-term-end",
        severity: "warning",
        line: 7,
        message: `"September 1st - November 31st": the term's end cannot be read; it is taken as November 30, 2021 (the last day of the month it names)`,
      },
    ]);
  });

  it("reads the 2020 bullet timeline with the year of the title", () => {
    const page = parse("2020/q3-q4/README.md");
    expect(page.title).toBe("2020 Q3-Q4");
    expect(page.status).toBe("Completed");
    expect(page.timeline.map((row) => [row.activity, row.kind])).toContainEqual(["projects are selecting mentees", "review"]);
    expect(page.timeline.at(-1)).toMatchObject({ activity: "results announced!", kind: "end", start: "2020-12-14T08:00:00.000Z" });
  });

  it("de-obfuscates emails and says so (2023/02-Jun-Aug)", () => {
    const page = parse("2023/02-Jun-Aug/README.md");
    expect(
      projects(page)
        .flatMap((p) => p.mentors)
        .find((m) => m.handle === "pierDipi")?.email,
    ).toBe("pierdipi@redhat.com");
    expect(page.findings.filter((f) => f.rule === "obfuscated-email").length).toBeGreaterThan(10);
  });

  it("parses a page that is only a template whose code fence never closes", () => {
    const page = parse("2023/01-Mar-May/project_ideas.md");
    expect(page.title).toBe("Template");
    expect(page.organizations).toEqual([]);
  });

  it("uses the time zone and year options", () => {
    const page = parseTermPage("# Term\n\n### Timeline\n\n| activity | date |\n| --- | --- |\n| Last day of term | June 3 |\n", {
      timeZone: "Europe/Berlin",
      year: 2025,
    });
    expect(page.timeline[0]).toMatchObject({ kind: "end", start: "2025-06-02T22:00:00.000Z", end: "2025-06-03T22:00:00.000Z" });
    expect(page.timeZone).toBe("Europe/Berlin");
  });
});

describe("TermPageError", () => {
  it("is thrown for what is not a term page, with a one-line message", () => {
    const cases = ["", "   \n\n", "just a paragraph of prose", "\u0000\u0001binary\u0002data", "- a list\n- of things\n"];
    for (const text of cases) {
      expect(() => parseTermPage(text)).toThrow(TermPageError);
      try {
        parseTermPage(text, { fileName: "x.md" });
      } catch (error) {
        expect((error as Error).message).toMatch(/^x\.md: [^\n]+$/);
      }
    }
  });

  it("is thrown for an unknown time zone option", () => {
    expect(() => parseTermPage("# T", { timeZone: "Mars/Olympus" })).toThrow(TermPageError);
  });
});
