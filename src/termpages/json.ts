import type { TermPageJson } from "../schemas/term-page.ts";
import type { ParsedTermPage } from "./types.ts";

/** The JSON document `cohort parse FILE --json` prints: the shape of TermPageJson, nothing more. */
export function toParseJson(parsed: ParsedTermPage): TermPageJson {
  return {
    title: parsed.title,
    status: parsed.status,
    timeline: parsed.timeline.map((row) => ({ activity: row.activity, kind: row.kind, text: row.text, start: row.start, end: row.end })),
    organizations: parsed.organizations.map((organization) => ({
      name: organization.name,
      projects: organization.projects.map((project) => ({
        title: project.title,
        line: project.line,
        description: project.description,
        expectedOutcome: project.expectedOutcome,
        skills: [...project.skills],
        skillsText: project.skillsText,
        mentors: project.mentors.map((mentor) => ({ name: mentor.name, handle: mentor.handle, email: mentor.email })),
        upstreamIssues: [...project.upstreamIssues],
        url: project.url,
      })),
    })),
    toc: parsed.toc.map((entry) => entry.text),
    findings: parsed.findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, line: finding.line, message: finding.message })),
  };
}
