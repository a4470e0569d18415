import { describe, expect, it } from "vitest";
import { fixture } from "../../test/fixtures/termpages/index.ts";
import { TermPageJson } from "../schemas/term-page.ts";
import { toParseJson } from "./json.ts";
import { parseTermPage } from "./parse.ts";

describe("toParseJson", () => {
  const parsed = parseTermPage(fixture("2024/02-Jun-Aug/README.md"), { now: new Date("2026-08-05T00:00:00Z") });
  const json = toParseJson(parsed);

  it("has exactly the documented shape, which the zod schema accepts", () => {
    expect(Object.keys(json)).toEqual(["title", "status", "timeline", "organizations", "toc", "findings"]);
    expect(Object.keys(json.timeline[0] ?? {})).toEqual(["activity", "kind", "text", "start", "end"]);
    expect(Object.keys(json.organizations[0] ?? {})).toEqual(["name", "projects"]);
    expect(Object.keys(json.organizations[0]?.projects[0] ?? {})).toEqual([
      "title",
      "line",
      "description",
      "expectedOutcome",
      "skills",
      "skillsText",
      "mentors",
      "upstreamIssues",
      "url",
    ]);
    expect(Object.keys(json.findings[0] ?? {})).toEqual(["rule", "severity", "line", "message"]);
    expect(TermPageJson.parse(json)).toEqual(json);
  });

  it("survives JSON and carries instants as ISO 8601 UTC strings", () => {
    const copy: unknown = JSON.parse(JSON.stringify(json));
    expect(TermPageJson.parse(copy)).toEqual(json);
    expect(json.timeline[1]).toEqual({
      activity: "mentee applications open",
      kind: "applications",
      text: "Monday May 13 - Tues May 28, 5:00 PM PDT",
      start: "2024-05-13T07:00:00.000Z",
      end: "2024-05-29T00:00:00.000Z",
    });
    expect(json.toc.slice(0, 3)).toEqual(["Cilium", "Cilium Technical Outcomes", "Copacetic"]);
  });

  it("is refused by the schema when a field is added or mistyped", () => {
    expect(TermPageJson.safeParse({ ...json, extra: 1 }).success).toBe(false);
    expect(TermPageJson.safeParse({ ...json, timeline: [{ ...json.timeline[0], start: "yesterday" }] }).success).toBe(false);
    expect(TermPageJson.safeParse({ ...json, timeline: [{ ...json.timeline[0], kind: "party" }] }).success).toBe(false);
  });
});
