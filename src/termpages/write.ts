import { escapeInline } from "./escape.ts";
import { looksLikeLabel } from "./fields.ts";
import { formatUrl } from "./links.ts";
import { formatMentor } from "./mentors.ts";
import { completesTitle, isSpecialHeading } from "./outline.ts";
import { Slugger } from "./toc.ts";
import type { ExtraField, OrganizationData, ProjectData, TermPageData } from "./types.ts";

const BLOCK_START = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)|^>|^\|/;

/** True when the text opens with a fenced code block that it also closes (an unclosed run of backticks is inline text). */
function startsWithFence(lines: string[]): boolean {
  const open = /^(`{3,}|~{3,})/.exec(lines[0] ?? "")?.[1];
  if (!open) return false;
  return lines.slice(1).some((line) => {
    const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1];
    return close !== undefined && close[0] === open[0] && close.length >= open.length;
  });
}

/** A bullet field: "- Label: first line" with the rest indented under it, or "- Label:" above a block. */
function field(label: string, markdown: string | null): string[] {
  const text = (markdown ?? "").replace(/\s+$/, "");
  if (text.trim() === "") return [];
  const lines = text.split("\n");
  const indent = (line: string) => (line === "" ? "" : `  ${line}`);
  const first = lines[0] ?? "";
  // A block (list, quote, code) or an indented line cannot follow the label on its line.
  if (BLOCK_START.test(first) || startsWithFence(lines) || /^\s/.test(first)) return [`- ${label}:`, ...lines.map(indent)];
  return [`- ${label}: ${first}`, ...lines.slice(1).map(indent)];
}

function cell(text: string): string {
  return escapeInline(text);
}

function projectFields(project: ProjectData): string[] {
  const lines: string[] = [];
  lines.push(...field("Description", project.description));
  lines.push(...field("Expected Outcome", project.expectedOutcome));
  lines.push(...field("Recommended Skills", project.skillsText ?? (project.skills.length > 0 ? project.skills.join(", ") : null)));
  const mentors = project.mentors.map((mentor) => formatMentor(mentor, escapeInline)).filter((text) => text !== "");
  // Notes are Markdown as written in the mentor list; they go back as written.
  const notes = (project.mentorNotes ?? []).map((note) => note.replace(/\s+/g, " ").trim());
  if (mentors.length + notes.length > 0) lines.push("- Mentor(s):", ...[...mentors, ...notes].map((entry) => `  - ${entry}`));
  const [issue] = project.upstreamIssues;
  if (project.upstreamIssues.length === 1 && issue) lines.push(`- Upstream Issue: ${formatUrl(issue)}`);
  else if (project.upstreamIssues.length > 1) lines.push("- Upstream Issues:", ...project.upstreamIssues.map((url) => `  - ${formatUrl(url)}`));
  if (project.url) lines.push(`- LFX URL: ${formatUrl(project.url)}`);
  const known = lines.length;
  for (const extra of project.extraFields ?? []) lines.push(...extraField(extra));
  // A heading without a field the format knows reads back as a section, not a project: keep one label,
  // last, where it has nothing after it to take as its content.
  if (known === 0) lines.push("- Description:");
  return lines;
}

function extraField(extra: ExtraField): string[] {
  // A label must read back as a label: letters first, no colon or markup, a few words.
  const cleaned = extra.label
    .replace(/[^A-Za-z0-9 ()/&'-]/g, " ")
    .replace(/^[^A-Za-z]+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .slice(0, 8)
    .join(" ")
    .slice(0, 60)
    .trim();
  const label = cleaned !== "" && looksLikeLabel(cleaned) ? cleaned : "Notes";
  return field(label, extra.text);
}

interface Heading {
  level: number;
  text: string;
  slug: string;
}

/** Headings of the organizations, sub-groups and projects in page order, with their anchors. */
function outline(
  organizations: OrganizationData[],
  slugger: Slugger,
): { org: Heading; groups: Map<ProjectData, Heading | null>; projects: Map<ProjectData, Heading> }[] {
  return organizations.map((organization) => {
    const org = { level: 3, text: organization.name, slug: slugger.slug(organization.name) };
    const groups = new Map<ProjectData, Heading | null>();
    const projects = new Map<ProjectData, Heading>();
    let group: Heading | null = null;
    for (const project of organization.projects) {
      const name = project.group ?? null;
      if (name && name !== (group as Heading | null)?.text) group = { level: 4, text: name, slug: slugger.slug(name) };
      if (!name) group = null;
      groups.set(project, group);
      projects.set(project, { level: group ? 5 : 4, text: project.title, slug: slugger.slug(project.title) });
    }
    return { org, groups, projects };
  });
}

/**
 * Writes a term page in the program's current style (the 2024–2026 pages): title, status,
 * duration, timeline table, instructions, a table of contents built from the body, then
 * `### Organization` / `#### Project` with the fields in a fixed order.
 */
export function writeTermPage(data: TermPageData): string {
  const blocks: string[] = [];
  const slugger = new Slugger();
  // An untitled page still gets its (empty) title heading, so no section heading is taken for the title.
  blocks.push(data.title.trim() === "" ? "#" : `# ${escapeInline(data.title)}`);
  slugger.slug(data.title);
  if (data.status) blocks.push(`Status: ${escapeInline(data.status)}`);
  if (data.duration) {
    const duration = /^mentorship duration/i.test(data.duration) ? data.duration : `Mentorship duration - ${data.duration}`;
    blocks.push(escapeInline(duration));
  }
  if (data.intro?.trim()) blocks.push(data.intro.trim());
  if (data.timeline.length > 0) {
    slugger.slug("Timeline");
    const rows = data.timeline.map((row) => `| ${cell(row.activity)} | ${cell(row.text)} |`);
    blocks.push("### Timeline", ["| activity | date |", "| --- | --- |", ...rows].join("\n"));
  }
  for (const section of data.sections ?? []) {
    slugger.slug(section.heading);
    // "Timeline" or "Sample" as the heading of plain prose must not read back as the timeline or a
    // sample, nor "Q2" right under a title "2020" as part of the title: such headings stay at level 1.
    const alone = blocks.length === 1 && completesTitle(data.title, section.heading);
    blocks.push(`${isSpecialHeading(section.heading) || alone ? "#" : "###"} ${escapeInline(section.heading)}`);
    if (section.text.trim()) blocks.push(section.text.trim());
  }
  const organizations = data.organizations.filter((organization) => organization.projects.length > 0);
  if (organizations.length > 0) {
    slugger.slug("Accepted projects");
    const headings = outline(organizations, slugger);
    const toc: string[] = [];
    for (const { org, groups, projects } of headings) {
      toc.push(`- [${escapeInline(org.text)}](#${org.slug})`);
      let group: Heading | null = null;
      for (const [project, heading] of projects) {
        const projectGroup = groups.get(project) ?? null;
        if (projectGroup && projectGroup !== group) toc.push(`  - [${escapeInline(projectGroup.text)}](#${projectGroup.slug})`);
        group = projectGroup;
        toc.push(`${projectGroup ? "    " : "  "}- [${escapeInline(heading.text)}](#${heading.slug})`);
      }
    }
    blocks.push("---", "## Accepted projects", toc.join("\n"));
    organizations.forEach((organization, index) => {
      const { org, groups, projects } = headings[index] as (typeof headings)[number];
      blocks.push(`### ${escapeInline(org.text)}`);
      if (organization.intro?.trim()) blocks.push(organization.intro.trim());
      let group: Heading | null = null;
      for (const project of organization.projects) {
        const projectGroup = groups.get(project) ?? null;
        if (projectGroup && projectGroup !== group) blocks.push(`#### ${escapeInline(projectGroup.text)}`);
        group = projectGroup;
        const heading = projects.get(project) as Heading;
        blocks.push(`${"#".repeat(heading.level)} ${escapeInline(heading.text)}`);
        if (project.intro?.trim()) blocks.push(project.intro.trim());
        blocks.push(projectFields(project).join("\n"));
      }
    });
  }
  // Blocks are separated by exactly one blank line; an empty block would add another.
  const clean = blocks.map((block) => block.replace(/^(?:[ \t]*\n)+/, "").replace(/\n[ \t\n]*$/, "")).filter((block) => block.trim() !== "");
  return `${clean.join("\n\n")}\n`;
}
