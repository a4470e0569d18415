import type { Heading, Root, RootContent } from "mdast";
import { fieldKind, splitLabel } from "./fields.ts";
import { blockLines, lineOf, plainText, squash } from "./markdown.ts";

/** What a heading is on a term page. */
export type SectionRole = "preamble" | "title" | "skip" | "toc" | "timeline" | "duration" | "meta" | "project" | "group";

/** A heading and the blocks up to the next heading. */
export interface Section {
  heading: Heading | null;
  /** Heading depth, 0 for the text before the first heading. */
  level: number;
  text: string;
  line: number;
  blocks: RootContent[];
  role: SectionRole;
}

// Sections that show the format rather than a project of the term, however the page words them:
// "Template", "Sample:", "Prometheus (sample)", "An example:", "Proposal format", "Format of a project entry".
const SKIP =
  /^(templates?|samples?|examples?)\b|\((sample|example|template)\)|\b(an? )?(templates?|samples?|examples?):?$|\b(proposal|project|entry) (format|templates?)\b|\bformat (of|for) (an? |the )?(proposals?|projects?|entry|entries)\b/i;
// A heading that stands for what a writer fills in ("CNCF Project Name", "Title"): the format, not a project.
const PLACEHOLDER = /^((cncf |your )?project (idea )?(name|title)( here)?|(cncf )?project name|title|name)$/i;
const TOC = /^(table of )?contents?:?$/i;
const TIMELINE = /^(timeline|schedule|important dates)\b/i;
const DURATION = /^mentorship duration/i;
const META =
  /^((mentorship |lfx )?projects:?$|(accepted|selected|participating|proposed|completed|past|list of( selected)?)( cncf)? (projects?|project ideas|ideas|mentorships?)|projects? ideas?|(project|application|mentee|mentor) instructions?|instructions)\b/i;
const YEAR = /^(19|20)\d{2}$/;
const TERM_NAME = /^(q[1-4]\b|term\b|spring|summer|fall|autumn|winter)/i;

/** True when a block starts with a field label the format knows ("- Description: …", "Mentor(s): …"). */
function startsWithField(block: RootContent, source: string): boolean {
  if (block.type === "list") {
    return block.children.some((item) => {
      const label = splitLabel(blockLines(source, item)[0] ?? "");
      return label !== null && fieldKind(label.text) !== null;
    });
  }
  if (block.type !== "paragraph") return false;
  const label = splitLabel(blockLines(source, block)[0] ?? "");
  return label !== null && fieldKind(label.text) !== null;
}

function roleOf(text: string, level: number, hasFields: boolean, first: boolean, headsProject: boolean): SectionRole {
  if (TOC.test(text)) return "toc";
  if (level > 1 && PLACEHOLDER.test(text)) return "skip";
  // The page's first level-1 heading is its title, whatever follows it.
  if (hasFields && !(first && level === 1)) return "project";
  if (level > 1 && SKIP.test(text)) return "skip";
  // A level-1 heading names the page, whatever it says ("# Template" is a page's title, not a sample);
  // a heading right above a project is its organization, even one called "Timeline".
  if (level === 1 || headsProject) return META.test(text) ? "meta" : "group";
  if (isSpecialHeading(text)) return SKIP.test(text) ? "skip" : TIMELINE.test(text) ? "timeline" : "duration";
  return META.test(text) ? "meta" : "group";
}

/** True when a heading right below a bare-year title completes it ("2020" + "Q3-Q4"). */
export function completesTitle(title: string, heading: string): boolean {
  return YEAR.test(title) && TERM_NAME.test(heading);
}

/** True for heading text read as a sample, the timeline or the duration below level 1; a writer keeps such prose headings at level 1. */
export function isSpecialHeading(text: string): boolean {
  return SKIP.test(text) || TIMELINE.test(text) || DURATION.test(text);
}

/** Cuts the page into heading sections and tells the title, skipped samples, the timeline, organizations and projects apart. */
export function buildOutline(root: Root, source: string): Section[] {
  const sections: Section[] = [{ heading: null, level: 0, text: "", line: 1, blocks: [], role: "preamble" }];
  for (const node of root.children) {
    if (node.type === "heading") {
      sections.push({ heading: node, level: node.depth, text: squash(plainText(node)), line: lineOf(node), blocks: [], role: "group" });
    } else (sections[sections.length - 1] as Section).blocks.push(node);
  }
  let skipLevel = 0;
  let timelineLevel = 0;
  let titled = false;
  for (const [index, section] of sections.entries()) {
    // A heading merged into the title above it ("2020" + "Q2") is done.
    if (!section.heading || section.role === "title") continue;
    // Everything under a "Template" or "Sample" heading is an example, not the term.
    if (skipLevel > 0 && section.level > skipLevel) {
      section.role = "skip";
      continue;
    }
    skipLevel = 0;
    if (timelineLevel > 0 && section.level > timelineLevel) {
      section.role = DURATION.test(section.text) ? "duration" : "timeline";
      continue;
    }
    timelineLevel = 0;
    const first = !sections.slice(1, index).some((other) => other.heading);
    const next = sections[index + 1];
    const headsProject =
      next?.heading !== undefined && next.heading !== null && next.level > section.level && next.blocks.some((block) => startsWithField(block, source));
    section.role = roleOf(
      section.text,
      section.level,
      section.blocks.some((block) => startsWithField(block, source)),
      first,
      headsProject,
    );
    if (section.role === "skip") skipLevel = section.level;
    if (section.role === "timeline") timelineLevel = section.level;
    if (section.role === "project") titled = true;
    // "### Org" right above "#### Project" is an organization even when nothing precedes it.
    const heads = section.level >= 3 && headsProject;
    if (!titled && !heads && (section.role === "group" || section.role === "meta")) {
      titled = true;
      section.role = "title";
      // "# 2020" then "## Q2" right below it: the term is "2020 Q2".
      if (next?.heading && next.level > section.level && section.blocks.length === 0 && completesTitle(section.text, next.text)) {
        section.text = `${section.text} ${next.text}`;
        next.role = "title";
        next.text = "";
      }
    }
  }
  return sections;
}
