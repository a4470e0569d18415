import type { Heading, Link, RootContent, Table } from "mdast";
import { type FieldSegment, fieldKind, splitFields, splitLabel } from "./fields.ts";
import { finding } from "./lint-rules.ts";
import { blockLines, codeBlockMarkdown, dedentLines, isSwallowingHtml, lineOf, plainText, squash } from "./markdown.ts";
import { ProjectBuilder } from "./project-builder.ts";
import type { Finding, ParsedProject } from "./types.ts";

/** Projects read from one place of the page, with their findings. */
export interface ReadProjects {
  projects: ParsedProject[];
  findings: Finding[];
}

/** The target of a title written as a link ("##### [Title](https://mentorship…)"); a bare URL in the text is no such link. */
function headingLink(heading: Heading, source: string): string | null {
  const link = heading.children.find((child): child is Link => child.type === "link" && source[child.position?.start.offset ?? -1] === "[");
  return link ? link.url : null;
}

/** Markdown of an unlabelled list item, kept a list item so it reads back the same. */
function asListItem(markdown: string): string {
  return markdown
    .split("\n")
    .map((line, index) => (index === 0 ? `- ${line}` : line === "" ? "" : `  ${line}`))
    .join("\n");
}

/**
 * Reads the projects under one project heading: normally one, but a second "Description"
 * after a complete set of fields starts another project under the same heading.
 */
export function readHeadingProjects(heading: Heading, blocks: RootContent[], source: string): ReadProjects {
  const title = squash(plainText(heading));
  const builders = [new ProjectBuilder(title, lineOf(heading), headingLink(heading, source))];
  const findings: Finding[] = [];
  let current = builders[0] as ProjectBuilder;
  // A label alone ("Mentors:", "- Expected Outcome:") takes what follows as its content: the lines are
  // gathered as they would sit under the label in a rewritten page, then split the same way.
  const open: { lines: string[] | null; line: number } = { lines: null, line: 0 };
  const addField = (segment: FieldSegment) => {
    if (segment.kind === "description" && current.description !== null && current.hasFieldsBeyondDescription()) {
      current = new ProjectBuilder(title, segment.line, null);
      builders.push(current);
      findings.push(finding("shared-heading", segment.line, `a second project follows the heading "${title}" (line ${lineOf(heading)})`));
    }
    current.addField(segment);
  };
  const apply = (lines: string[], line: number, asItem: boolean, allowOpen = true) => {
    const segments = splitFields(lines, line, asItem);
    for (const [index, segment] of segments.entries()) {
      if (segment.kind === null && segment.label === null) {
        const markdown = dedentLines(segment.lines);
        current.addText(asItem ? asListItem(markdown) : markdown, asItem);
      } else if (allowOpen && index === segments.length - 1 && segment.lines.every((text) => text.trim() === "")) {
        open.lines = [`${segment.label}:`];
        open.line = segment.line;
      } else addField(segment);
    }
  };
  const flush = () => {
    const lines = open.lines;
    open.lines = null;
    if (lines) apply(lines, open.line, true, false);
  };
  const startsWithLabel = (lines: string[]) => {
    const label = splitLabel(lines[0] ?? "");
    return label !== null && fieldKind(label.text) !== null;
  };
  for (const block of blocks) {
    if (block.type === "thematicBreak" || block.type === "definition" || isSwallowingHtml(block)) continue;
    const lines = blockLines(source, block);
    const labelled = block.type === "list" ? block.children.some((item) => startsWithLabel(blockLines(source, item))) : startsWithLabel(lines);
    if (open.lines && !labelled) {
      open.lines.push(...dedentLines(lines).split("\n"));
      flush();
      continue;
    }
    flush();
    if (block.type === "list") {
      for (const item of block.children) {
        const itemLines = blockLines(source, item);
        // Items after a lone label ("- Deliverables:", "- Mentor(s):") are its content until the next known label.
        if (open.lines && !startsWithLabel(itemLines)) {
          open.lines.push(...asListItem(dedentLines(itemLines)).split("\n"));
          continue;
        }
        flush();
        apply(itemLines, lineOf(item), true);
      }
    } else if (block.type === "code") current.addText(codeBlockMarkdown(block), false, true);
    // Other blocks go through the same field splitter a rewritten page's list items will.
    else apply(lines, lineOf(block), false);
  }
  flush();
  const projects: ParsedProject[] = [];
  for (const builder of builders) {
    const built = builder.build();
    projects.push(built.project);
    findings.push(...built.findings);
  }
  return { projects, findings };
}

/** A project read from a table row, with the organization its row names. */
export interface TableProject {
  organization: string;
  project: ParsedProject;
}

type Column = "organization" | "title" | "mentors" | "extra";

function columnOf(header: string): Column {
  const text = header.toLowerCase();
  if (/mentor/.test(text) && !/mentee/.test(text)) return "mentors";
  if (/cncf project|organi[sz]ation|^project$/.test(text)) return "organization";
  if (/community ?bridge project|project (title|name)|^title$|lfx project/.test(text)) return "title";
  return "extra";
}

/** True for a table of projects (2019–2020 pages): organization, project and mentor columns. */
export function isProjectTable(table: Table): boolean {
  const header = table.children[0];
  if (!header) return false;
  const columns = header.children.map((cell) => columnOf(squash(plainText(cell))));
  return columns.includes("organization") && columns.includes("title") && columns.includes("mentors");
}

/** Reads a table of projects, one project per row; unknown columns ("Mentee Name") become extra fields. */
export function readTableProjects(table: Table, source: string): { rows: TableProject[]; findings: Finding[] } {
  const [header, ...rows] = table.children;
  const labels = header ? header.children.map((cell) => squash(plainText(cell))) : [];
  const columns = labels.map(columnOf);
  const out: TableProject[] = [];
  const findings: Finding[] = [];
  for (const row of rows) {
    const cells = row.children.map((cell) => {
      const start = cell.position?.start.offset;
      const end = cell.position?.end.offset;
      const raw = start === undefined || end === undefined ? "" : source.slice(start, end);
      return raw.replace(/^\s*\|?|\|?\s*$/g, "").trim();
    });
    const value = (column: Column) => cells[columns.indexOf(column)] ?? "";
    const title = squash(plainText(row.children[columns.indexOf("title")] ?? { type: "text", value: "" }));
    // A row of dashes or blanks (a repeated delimiter row) is no project.
    if (!/[\p{L}\p{N}]/u.test(title)) continue;
    const builder = new ProjectBuilder(title, lineOf(row), null);
    const line = lineOf(row);
    builder.addField({ label: "Mentor(s)", kind: "mentors", line, lines: [value("mentors")] });
    columns.forEach((column, index) => {
      const text = cells[index] ?? "";
      if (column === "extra" && text !== "") builder.extras.push({ label: labels[index] ?? "", text });
    });
    const built = builder.build();
    out.push({ organization: squash(plainText(row.children[columns.indexOf("organization")] ?? { type: "text", value: "" })), project: built.project });
    findings.push(...built.findings);
  }
  return { rows: out, findings };
}
