import { finding } from "./lint-rules.ts";
import { matchKey, Slugger } from "./toc.ts";
import type { Finding, ParsedOrganization, ParsedProject, ParsedTimelineRow, TocEntry } from "./types.ts";

/** A heading of the page with its GitHub anchor. */
export interface AnchoredHeading {
  text: string;
  slug: string;
  line: number;
}

/** Anchors every heading the way GitHub renders them. */
export function anchorHeadings(headings: { text: string; line: number }[]): AnchoredHeading[] {
  const slugger = new Slugger();
  return headings.map((heading) => ({ ...heading, slug: slugger.slug(heading.text) }));
}

/** Checks the table of contents against the body: projects and organizations missing, entries pointing nowhere. */
export function tocFindings(toc: TocEntry[], headings: AnchoredHeading[], organizations: ParsedOrganization[], headed: Set<ParsedProject>): Finding[] {
  if (toc.length === 0) return [];
  const findings: Finding[] = [];
  const bySlug = new Map(headings.map((heading) => [heading.slug, heading]));
  const byKey = new Map(headings.map((heading) => [matchKey(heading.text), heading]));
  const listed = new Set<string>();
  for (const entry of toc) {
    const exact = entry.anchor !== null ? bySlug.get(entry.anchor) : undefined;
    const named = byKey.get(matchKey(entry.text));
    if (exact) listed.add(matchKey(exact.text));
    if (named) listed.add(matchKey(named.text));
    listed.add(matchKey(entry.text));
    if (!exact && !named) {
      findings.push(finding("toc-orphan-entry", entry.line, `"${entry.text}" points to no heading of the page`));
    } else if (!exact && named && entry.anchor !== null) {
      findings.push(finding("toc-broken-anchor", entry.line, `"${entry.text}" links #${entry.anchor}; the heading's anchor is #${named.slug}`));
    }
  }
  for (const organization of organizations) {
    const projects = organization.projects.filter((project) => headed.has(project));
    if (projects.length === 0) continue;
    if (!listed.has(matchKey(organization.name))) {
      findings.push(finding("toc-missing-organization", organization.line, `organization "${organization.name}" is not in the table of contents`));
    }
    for (const project of projects) {
      if (!listed.has(matchKey(project.title))) {
        findings.push(finding("toc-missing-project", project.line, `project "${project.title}" (${organization.name}) is not in the table of contents`));
      }
    }
  }
  return findings;
}

// An LFX Mentorship URL names one project; a 2020 Community Bridge URL names the whole organization.
const PROJECT_URL = /^https?:\/\/mentorship\.lfx\.linuxfoundation\.org\/project\//;

/** Projects repeated in one organization, or sharing one LFX project link. */
export function duplicateFindings(organizations: ParsedOrganization[]): Finding[] {
  const findings: Finding[] = [];
  const urls = new Map<string, ParsedProject>();
  for (const organization of organizations) {
    const titles = new Map<string, ParsedProject>();
    for (const project of organization.projects) {
      const key = matchKey(project.title);
      const sameTitle = titles.get(key);
      const url = project.url && PROJECT_URL.test(project.url) ? project.url : null;
      const sameUrl = url ? urls.get(url) : undefined;
      if (sameTitle) {
        findings.push(finding("duplicate-project", project.line, `"${project.title}" repeats the project on line ${sameTitle.line}`));
      } else if (sameUrl) {
        findings.push(finding("duplicate-project", project.line, `"${project.title}" has the same LFX URL as "${sameUrl.title}" (line ${sameUrl.line})`));
      }
      if (!sameTitle) titles.set(key, project);
      if (url && !sameUrl) urls.set(url, project);
    }
  }
  return findings;
}

type ClaimedStatus = "complete" | "in-progress" | "applications-open" | "planned";

function claimOf(status: string): ClaimedStatus | null {
  const text = status.toLowerCase();
  if (/complete|finished|closed|done|ended/.test(text)) return "complete";
  if (/ongoing|in progress|in-progress|active|running|underway/.test(text)) return "in-progress";
  if (/accepting applications|applications? (are )?open/.test(text)) return "applications-open";
  if (/plann|upcoming|proposals? open|accepting proposals/.test(text)) return "planned";
  return null;
}

const DAY = 24 * 60 * 60 * 1000;

function instant(row: ParsedTimelineRow | undefined, edge: "start" | "end"): number | null {
  const value = row?.[edge];
  return value ? Date.parse(value) : null;
}

/** Compares the `Status:` line with the timeline at `now`: "Complete" before the last day, "Accepting applications" long after they closed. */
export function statusFindings(status: string | null, line: number, timeline: ParsedTimelineRow[], now: Date): Finding[] {
  const claim = status ? claimOf(status) : null;
  if (!claim || !status) return [];
  const at = now.getTime();
  const ends = timeline.map((row) => instant(row, "end")).filter((value): value is number => value !== null);
  const lastEnd =
    instant(
      timeline.find((row) => row.kind === "end"),
      "end",
    ) ?? (ends.length > 0 ? Math.max(...ends) : null);
  const start = instant(
    timeline.find((row) => row.kind === "start"),
    "start",
  );
  const applications = timeline.find((row) => row.kind === "applications");
  const appsStart = instant(applications, "start");
  const appsEnd = instant(applications, "end");
  const date = (value: number) => new Date(value).toISOString().slice(0, 10);
  const say = (message: string) => [finding("status-contradicts-timeline", line, `"Status: ${status}" but ${message}`)];
  if (claim === "complete" && lastEnd !== null && at < lastEnd) return say(`the term runs until ${date(lastEnd)}`);
  if (claim === "in-progress" && lastEnd !== null && at >= lastEnd) return say(`the term ended on ${date(lastEnd)}`);
  if (claim === "in-progress" && start !== null && at < start) return say(`the mentorship starts on ${date(start)}`);
  // A week's grace: pages are updated by hand after the deadline passes.
  if (claim === "applications-open" && appsEnd !== null && at >= appsEnd + 7 * DAY) return say(`applications closed on ${date(appsEnd)}`);
  if (claim === "applications-open" && appsStart !== null && at < appsStart - 7 * DAY) return say(`applications open on ${date(appsStart)}`);
  if (claim === "planned" && start !== null && at >= start) return say(`the mentorship started on ${date(start)}`);
  return [];
}
