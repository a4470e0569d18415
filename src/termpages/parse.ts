import { DateTime } from "luxon";
import type { RootContent } from "mdast";
import { TermPageError } from "./errors.ts";
import { checkPageBounds } from "./limits.ts";
import { finding } from "./lint-rules.ts";
import { codeBlockMarkdown, isSwallowingHtml, lineOf, parseMarkdown, plainText, sourceOf, squash } from "./markdown.ts";
import { liftNestedOrganizations, type OrgState, type SubGroup } from "./nesting.ts";
import { buildOutline, type Section } from "./outline.ts";
import { anchorHeadings, duplicateFindings, statusFindings, tocFindings } from "./page-lint.ts";
import { isProjectTable, readHeadingProjects, readTableProjects } from "./projects.ts";
import { inferTermEnd } from "./term-end.ts";
import { isTimelineTable, listRows, type RawRow, resolveTimeline, splitRowText, tableRows } from "./timeline.ts";
import { isTocList, tocEntries } from "./toc.ts";
import type { Finding, ParsedProject, ParsedTermPage, ParseOptions, SectionData, TocEntry } from "./types.ts";

const DEFAULT_ZONE = "America/Los_Angeles";
const STATUS = /^status\s*:\s*(.+)$/i;
const DURATION = /^mentorship duration/i;

function checkText(markdown: string, fileName?: string): void {
  if (typeof markdown !== "string") throw new TermPageError("not a text", fileName);
  if (markdown.trim() === "") throw new TermPageError("the page is empty", fileName);
  // A NUL byte, or control characters and undecodable bytes (U+FFFD) in a third of the text, mean binary data.
  const head = markdown.slice(0, 8192);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is how binary data is told apart.
  const control = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (markdown.includes("\u0000") || control > head.length / 3) throw new TermPageError("the file holds binary data, not Markdown", fileName);
}

function inferYear(title: string, options: ParseOptions): number | null {
  if (options.year !== undefined) return options.year;
  const fromTitle = /\b(19|20)\d{2}\b/.exec(title);
  if (fromTitle) return Number(fromTitle[0]);
  const fromFile = options.fileName ? /(?:^|[/\\])((?:19|20)\d{2})(?=[/\\-]|$)/.exec(options.fileName) : null;
  return fromFile?.[1] ? Number(fromFile[1]) : null;
}

/** Per-page state while the sections are read. */
class PageReader {
  title = "";
  titleLine = 1;
  status: string | null = null;
  statusLine = 1;
  duration: string | null = null;
  intro: string[] = [];
  rows: RawRow[] = [];
  toc: TocEntry[] = [];
  sections: SectionData[] = [];
  findings: Finding[] = [];
  readonly organizations = new Map<string, OrgState>();
  /** The headings between each headed project and its organization. */
  readonly subGroups = new Map<ParsedProject, SubGroup[]>();
  /** Projects with their own heading, for the table-of-contents check, and the levels they sit at. */
  readonly headed = new Map<ParsedProject, { level: number; expected: number; orgLevel: number; text: string; line: number }>();

  constructor(readonly source: string) {}

  organization(name: string, line: number, level: number | null, intro: string | null): OrgState {
    const key = name.toLowerCase();
    let state = this.organizations.get(key);
    if (!state) {
      state = { data: { name, line, intro, projects: [] }, level };
      this.organizations.set(key, state);
    }
    return state;
  }

  /** Reads the blocks that are not projects: status, duration, timeline rows, table of contents, prose. */
  readBlocks(section: Section, keep: string[]): void {
    // "### Mentorship duration …" under the timeline heading still lists dates.
    const timeline = section.role === "timeline" || section.role === "duration";
    for (const block of section.blocks) {
      if (block.type === "table" && isTimelineTable(block)) this.rows.push(...tableRows(block));
      else if (block.type === "table" && isProjectTable(block)) this.readTable(block);
      else if (block.type === "list" && isTocList(block)) this.toc.push(...tocEntries(block));
      else if (block.type === "list" && timeline) this.rows.push(...listRows(block));
      else if (block.type === "paragraph" && this.readLine(block, timeline)) continue;
      else if (block.type === "code" && !timeline) keep.push(codeBlockMarkdown(block));
      else if (block.type !== "thematicBreak" && !isSwallowingHtml(block) && !timeline) keep.push(sourceOf(this.source, block).trimEnd());
    }
  }

  /** Status, duration and (in the timeline) "Spring Term: March 1st - May 31st" lines; true when the line was used. */
  private readLine(block: RootContent, inTimeline: boolean): boolean {
    const text = squash(plainText(block));
    const status = STATUS.exec(text);
    if (status?.[1] && this.status === null) {
      this.status = status[1].trim();
      this.statusLine = lineOf(block);
      return true;
    }
    if (DURATION.test(text)) {
      this.duration ??= text;
      return true;
    }
    if (!inTimeline) return false;
    const row = splitRowText(text);
    if (row) this.rows.push({ ...row, line: lineOf(block) });
    return true;
  }

  private readTable(block: Extract<RootContent, { type: "table" }>): void {
    const read = readTableProjects(block, this.source);
    this.findings.push(...read.findings);
    for (const row of read.rows) this.organization(row.organization, row.project.line, null, null).data.projects.push(row.project);
  }
}

interface Group {
  section: Section;
  level: number;
}

/** Reads a term page into data, instants and lint findings; throws TermPageError only when it is not a term page. */
export function parseTermPage(markdown: string, options: ParseOptions = {}): ParsedTermPage {
  checkText(markdown, options.fileName);
  const timeZone = options.timeZone ?? DEFAULT_ZONE;
  if (!DateTime.now().setZone(timeZone).isValid) throw new TermPageError(`unknown time zone "${timeZone}"`, options.fileName);
  // CommonMark ends lines at \r too; one kind of line ending keeps every offset and line number simple.
  const source = markdown.replace(/\r\n?/g, "\n");
  checkPageBounds(source, options.fileName);
  const sections = buildOutline(parseMarkdown(source), source);
  const page = new PageReader(source);
  const stack: Group[] = [];
  const groupText = new Map<Section, string[]>();
  const groupsWithProjects = new Set<Section>();
  for (const section of sections) {
    if (section.role === "skip") continue;
    if (section.role === "project" && section.heading) {
      readProjectSection(page, section, stack, groupText, groupsWithProjects);
      continue;
    }
    const keep: string[] = [];
    if (section.role === "title" && section.text !== "") {
      page.title = section.text;
      page.titleLine = section.line;
    }
    if (section.role === "duration") page.duration ??= section.text;
    if (section.role === "timeline" && section.heading && !/^timeline\b/i.test(section.text)) {
      const row = splitRowText(section.text);
      if (row) page.rows.push({ ...row, line: section.line });
    }
    page.readBlocks(section, keep);
    if (section.role === "group") {
      while (stack.length > 0 && (stack[stack.length - 1] as Group).level >= section.level) stack.pop();
      stack.push({ section, level: section.level });
      groupText.set(section, keep);
    } else {
      if (section.level > 0) while (stack.length > 0 && (stack[stack.length - 1] as Group).level >= section.level) stack.pop();
      if (section.role === "title" || section.role === "preamble") page.intro.push(...keep);
      else if (keep.length > 0 && section.role === "meta") page.sections.push({ heading: section.text, text: keep.join("\n\n") });
    }
  }
  // A page of nothing but a template ("## Template" and a code block) is still named by its heading.
  const first = sections.find((section) => section.role === "skip");
  if (page.title === "" && first && !sections.some((section) => section.role === "project")) {
    page.title = first.text;
    page.titleLine = first.line;
  }
  // Headings that never received a project are prose sections ("How to apply"), not organizations.
  for (const [section, keep] of groupText) {
    if (!groupsWithProjects.has(section) && keep.length > 0) page.sections.push({ heading: section.text, text: keep.join("\n\n") });
  }
  return finish(page, sections, options, timeZone);
}

function readProjectSection(page: PageReader, section: Section, stack: Group[], groupText: Map<Section, string[]>, used: Set<Section>): void {
  const heading = section.heading;
  if (!heading) return;
  const outer = stack.filter((group) => group.level < section.level);
  // A project at its organization's level ("### in-toto" then "### Add GUAC support") still belongs to it.
  let chain = outer.length > 0 ? outer : stack.slice(-1);
  // A top-level heading above the organizations ("## Projects") is a container, not an organization.
  if (chain.length > 1 && (chain[0] as Group).level <= 2) chain = chain.slice(1);
  if (outer.length > 0) while (stack.length > 0 && (stack[stack.length - 1] as Group).level >= section.level) stack.pop();
  // Headings nested under the organization are its sub-groups ("#### Kubernetes" / "##### SIG Storage"),
  // as the pages' own tables of contents nest them.
  const [orgGroup, ...subGroups] = chain;
  const read = readHeadingProjects(heading, section.blocks, page.source);
  page.findings.push(...read.findings);
  const orgName = orgGroup ? orgGroup.section.text : "";
  const orgIntro = orgGroup ? (groupText.get(orgGroup.section) ?? []).join("\n\n") || null : null;
  const org = page.organization(orgName, orgGroup ? orgGroup.section.line : section.line, orgGroup?.level ?? null, orgIntro);
  for (const group of chain) used.add(group.section);
  const subGroup = subGroups.map((group) => group.section.text).join(" / ") || null;
  const orgLevel = orgGroup?.level ?? section.level - 1;
  const nested = subGroups.map((group) => ({ section: group.section, intro: (groupText.get(group.section) ?? []).join("\n\n") || null }));
  for (const project of read.projects) {
    if (subGroup) project.group = subGroup;
    page.subGroups.set(project, nested);
    org.data.projects.push(project);
    page.headed.set(project, { level: section.level, expected: orgLevel + 1 + subGroups.length, orgLevel, text: section.text, line: section.line });
  }
}

function finish(page: PageReader, sections: Section[], options: ParseOptions, timeZone: string): ParsedTermPage {
  const lifted = liftNestedOrganizations(page);
  for (const [project, where] of lifted.moved) {
    const headed = page.headed.get(project);
    if (headed) page.headed.set(project, { ...headed, orgLevel: where.orgLevel, expected: where.orgLevel + 1 + where.subGroups });
  }
  // A heading that only gathered organizations keeps its prose as a section of the page.
  for (const state of lifted.emptied) if (state.data.intro) page.sections.push({ heading: state.data.name, text: state.data.intro });
  const organizations = [...page.organizations.values()].filter((org) => org.data.projects.length > 0);
  const projectCount = organizations.reduce((sum, org) => sum + org.data.projects.length, 0);
  if (page.title === "" && projectCount === 0 && page.rows.length === 0) {
    throw new TermPageError("not a term page: no title, no projects and no timeline", options.fileName);
  }
  const year = inferYear(page.title, options);
  const read = resolveTimeline(page.rows, { timeZone, year });
  const timeline = inferTermEnd(read.rows, { title: page.title, duration: page.duration }, { timeZone, year });
  const findings = [...page.findings, ...read.findings, ...timeline.findings];
  if (page.title === "") findings.push(finding("missing-title", 1, "the page has no title heading"));
  if (page.status === null && timeline.rows.length > 0) findings.push(finding("missing-status", page.titleLine, "the page has no Status: line"));
  findings.push(...headingLevelFindings(page, organizations));
  const headings = anchorHeadings(sections.flatMap((section) => (section.heading ? [{ text: squash(plainText(section.heading)), line: section.line }] : [])));
  const data = organizations.map((org) => org.data);
  findings.push(...tocFindings(page.toc, headings, data, new Set(page.headed.keys())));
  findings.push(...duplicateFindings(data));
  findings.push(...statusFindings(page.status, page.statusLine, timeline.rows, options.now ?? new Date()));
  findings.sort((a, b) => a.line - b.line);
  return {
    title: page.title,
    status: page.status,
    duration: page.duration,
    intro: page.intro.join("\n\n") || null,
    timeline: timeline.rows,
    sections: page.sections,
    organizations: data,
    timeZone,
    year,
    toc: page.toc,
    findings,
  };
}

/** Organization headings off the page's usual level, and projects not one level below their organization. */
function headingLevelFindings(page: PageReader, organizations: OrgState[]): Finding[] {
  const findings: Finding[] = [];
  const levels = organizations.map((org) => org.level).filter((level): level is number => level !== null);
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  for (const org of organizations) {
    if (org.level !== null && usual !== undefined && org.level !== usual) {
      findings.push(
        finding("heading-level", org.data.line, `organization "${org.data.name}" is a level-${org.level} heading; the page's organizations are level ${usual}`),
      );
    }
  }
  const reported = new Set<number>();
  for (const [, where] of page.headed) {
    if (where.level === where.expected || reported.has(where.line)) continue;
    reported.add(where.line);
    findings.push(
      finding(
        "heading-level",
        where.line,
        `project "${where.text}" is a level-${where.level} heading under a level-${where.orgLevel} organization; expected level ${where.expected}`,
      ),
    );
  }
  return findings;
}
