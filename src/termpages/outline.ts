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

const SKIP = /^(templates?|samples?|examples?)\b|\((sample|example|template)\)/i;
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

function roleOf(text: string, hasFields: boolean): SectionRole {
	if (SKIP.test(text)) return "skip";
	if (TOC.test(text)) return "toc";
	if (TIMELINE.test(text)) return "timeline";
	if (DURATION.test(text)) return "duration";
	if (hasFields) return "project";
	return META.test(text) ? "meta" : "group";
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
		section.role = roleOf(section.text, section.blocks.some((block) => startsWithField(block, source)));
		if (section.role === "skip") skipLevel = section.level;
		if (section.role === "timeline") timelineLevel = section.level;
		if (section.role === "project") titled = true;
		// "### Org" right above "#### Project" is an organization even when nothing precedes it.
		const next = sections[index + 1];
		const heads = section.level >= 3 && next?.heading && next.level > section.level && next.blocks.some((block) => startsWithField(block, source));
		if (!titled && !heads && (section.role === "group" || section.role === "meta")) {
			titled = true;
			section.role = "title";
			// "# 2020" then "## Q2": the term is "2020 Q2".
			if (YEAR.test(section.text) && next?.heading && next.level > section.level && TERM_NAME.test(next.text)) {
				section.text = `${section.text} ${next.text}`;
				next.role = "title";
				next.text = "";
			}
		}
	}
	return sections;
}
