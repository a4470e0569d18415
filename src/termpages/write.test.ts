import { describe, expect, it } from "vitest";
import { FIXTURE_PAGES, fixture, structure } from "../../test/fixtures/termpages/index.ts";
import { parseTermPage } from "./parse.ts";
import type { TermPageData } from "./types.ts";
import { writeTermPage } from "./write.ts";

const NOW = new Date("2026-08-05T00:00:00Z");

const data: TermPageData = {
  title: "Term 02 - 2024 June - August",
  status: "Accepting applications",
  duration: "Mentorship duration - three months (11 weeks - full-time schedule)",
  timeline: [
    { activity: "mentee applications open", text: "Monday May 13 - Tues May 28, 5:00 PM PDT" },
    { activity: "Last day of term", text: "Friday Aug 30" },
  ],
  sections: [{ heading: "Application instructions", text: "See the [Program Guidelines](https://example.org/guidelines)." }],
  organizations: [
    {
      name: "Harbor",
      projects: [
        {
          title: "Harbor CLI",
          description: "Extend the CLI.\n\n- login\n- push",
          expectedOutcome: "A working CLI.",
          skills: ["go", "cobra"],
          skillsText: "Golang, spf13/cobra",
          mentors: [
            { name: "Vadim Bauer", handle: "vad1mo", email: "vb@container-registry.com" },
            { name: "Yan Wang", handle: "wy65701436", email: null },
          ],
          upstreamIssues: ["https://github.com/goharbor/harbor-cli/issues/41"],
          url: "https://mentorship.lfx.linuxfoundation.org/project/a8a71ad1-4a1b-422e-9928-01c153ac2daf",
        },
      ],
    },
  ],
};

describe("writeTermPage", () => {
  it("writes plain data (as the database holds it) in the canonical style", () => {
    expect(writeTermPage(data)).toBe(`# Term 02 - 2024 June - August

Status: Accepting applications

Mentorship duration - three months (11 weeks - full-time schedule)

### Timeline

| activity | date |
| --- | --- |
| mentee applications open | Monday May 13 - Tues May 28, 5:00 PM PDT |
| Last day of term | Friday Aug 30 |

### Application instructions

See the [Program Guidelines](https://example.org/guidelines).

---

## Accepted projects

- [Harbor](#harbor)
  - [Harbor CLI](#harbor-cli)

### Harbor

#### Harbor CLI

- Description: Extend the CLI.

  - login
  - push
- Expected Outcome: A working CLI.
- Recommended Skills: Golang, spf13/cobra
- Mentor(s):
  - Vadim Bauer (@vad1mo, <vb@container-registry.com>)
  - Yan Wang (@wy65701436)
- Upstream Issue: https://github.com/goharbor/harbor-cli/issues/41
- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/a8a71ad1-4a1b-422e-9928-01c153ac2daf
`);
  });

  it("writes a page that reads back to the same data, with no irregularity of form", () => {
    const parsed = parseTermPage(writeTermPage(data), { now: new Date("2024-05-20T00:00:00Z") });
    expect(parsed.timeline.map((row) => ({ activity: row.activity, text: row.text }))).toEqual(data.timeline);
    expect(parsed.sections).toEqual(data.sections);
    expect(structure(parsed)).toEqual([
      { name: "Harbor", projects: [{ ...data.organizations[0]?.projects[0], intro: null, mentorNotes: [], extraFields: [] }] },
    ]);
    expect(parsed.findings).toEqual([]);
  });

  it("writes tags when there is no skills text, several issues as a list, and leaves out what is missing", () => {
    const page = writeTermPage({
      title: "T",
      status: null,
      duration: null,
      timeline: [],
      organizations: [
        {
          name: "Org",
          projects: [
            {
              title: "P",
              description: null,
              expectedOutcome: null,
              skills: ["go", "kubernetes"],
              skillsText: null,
              mentors: [],
              upstreamIssues: ["https://example.org/1", "https://example.org/2"],
              url: null,
            },
          ],
        },
      ],
    });
    expect(page).toContain("#### P\n\n- Recommended Skills: go, kubernetes\n- Upstream Issues:\n  - https://example.org/1\n  - https://example.org/2\n");
    expect(page).not.toContain("Status:");
    expect(page).not.toContain("Description");
  });

  it("escapes text so that it reads back as written", () => {
    const tricky: TermPageData = {
      title: "Term *1* | _draft_",
      status: "Planned <soon>",
      duration: "11 weeks",
      timeline: [{ activity: "proposals | review", text: "May 8th `5 PM` [PDT]" }],
      organizations: [
        {
          name: "#hash & [brackets]",
          projects: [
            {
              title: "1. Not a list - *really*",
              group: "SIG *Docs*",
              description: "Text",
              expectedOutcome: null,
              skills: [],
              skillsText: null,
              mentors: [{ name: "A_B (Zefeng)", handle: "a-b", email: "a@b.io" }],
              mentorNotes: ["X and Y from Grafana also available to help"],
              upstreamIssues: [],
              url: null,
              extraFields: [{ label: "Mentee: *x*", text: "Someone" }],
            },
          ],
        },
      ],
    };
    const first = writeTermPage(tricky);
    const parsed = parseTermPage(first, { now: NOW });
    expect(parsed.title).toBe(tricky.title);
    expect(parsed.status).toBe(tricky.status);
    expect(parsed.duration).toBe("Mentorship duration - 11 weeks");
    expect(parsed.timeline.map((row) => [row.activity, row.text])).toEqual([["proposals | review", "May 8th `5 PM` [PDT]"]]);
    expect(parsed.organizations[0]?.name).toBe("#hash & [brackets]");
    const [project] = parsed.organizations[0]?.projects ?? [];
    expect(project?.title).toBe("1. Not a list - *really*");
    expect(project?.group).toBe("SIG *Docs*");
    expect(project?.mentors).toEqual([{ name: "A_B (Zefeng)", handle: "a-b", email: "a@b.io" }]);
    expect(project?.mentorNotes).toEqual(["X and Y from Grafana also available to help"]);
    expect(project?.extraFields).toEqual([{ label: "Mentee x", text: "Someone" }]);
    expect(writeTermPage(parsed)).toBe(first);
  });

  it("writes sub-groups under their organization with anchors GitHub resolves", () => {
    const page = parseTermPage(writeTermPage(parseTermPage(fixture("2022/01-Spring/README.md"))));
    const kubernetes = page.organizations.find((org) => org.name === "Kubernetes");
    expect(kubernetes?.projects.map((p) => p.group ?? null)).toContain("Kubernetes (SIG Cluster Lifecycle)");
    expect(page.findings.filter((f) => f.rule.startsWith("toc-") || f.rule === "heading-level")).toEqual([]);
  });
});

describe("round trip over the fixtures", () => {
  it.each(FIXTURE_PAGES)("%s: write(parse(x)) is stable and keeps the structure", (name) => {
    const original = parseTermPage(fixture(name), { fileName: name, now: NOW });
    const written = writeTermPage(original);
    const reread = parseTermPage(written, { fileName: name, now: NOW });
    expect(writeTermPage(reread)).toBe(written);
    expect(structure(reread)).toEqual(structure(original));
    expect(reread.title).toBe(original.title);
    expect(reread.timeline.map(({ line: _line, ...row }) => row)).toEqual(original.timeline.map(({ line: _line, ...row }) => row));
    // The canonical page has nothing to complain about in its form; only the content's own gaps remain.
    const formRules = ["field-label-variant", "heading-level", "toc-missing-project", "toc-missing-organization", "toc-orphan-entry", "toc-broken-anchor"];
    expect(reread.findings.filter((f) => formRules.includes(f.rule))).toEqual([]);
  });
});
