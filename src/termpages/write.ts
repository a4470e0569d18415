import { formatMentor } from "./mentors.ts";
import { escapeInline } from "./escape.ts";
import { Slugger } from "./toc.ts";
import type { ExtraField, OrganizationData, ProjectData, TermPageData } from "./types.ts";

const LIST_START = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)|^>|^```|^~~~|^\|/;

/** A bullet field: "- Label: first line" with the rest indented under it, or "- Label:" above a block. */
function field(label: string, markdown: string | null): string[] {
	const text = (markdown ?? "").replace(/\s+$/, "");
	if (text.trim() === "") return [];
	const lines = text.split("\n");
	const indent = (line: string) => (line === "" ? "" : `  ${line}`);
	const first = lines[0] ?? "";
	if (LIST_START.test(first)) return [`- ${label}:`, ...lines.map(indent)];
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
	if (project.upstreamIssues.length === 1) lines.push(`- Upstream Issue: ${project.upstreamIssues[0]}`);
	else if (project.upstreamIssues.length > 1) lines.push("- Upstream Issues:", ...project.upstreamIssues.map((url) => `  - ${url}`));
	if (project.url) lines.push(`- LFX URL: ${project.url}`);
	for (const extra of project.extraFields ?? []) lines.push(...extraField(extra));
	return lines;
}

function extraField(extra: ExtraField): string[] {
	// A label must read back as a label: no colon, no emphasis, a few words.
	const label = extra.label.replace(/[:*_`[\]]/g, "").trim() || "Notes";
	return field(label, extra.text);
}

interface Heading {
	level: number;
	text: string;
	slug: string;
}

/** Headings of the organizations, sub-groups and projects in page order, with their anchors. */
function outline(organizations: OrganizationData[], slugger: Slugger): { org: Heading; groups: Map<ProjectData, Heading | null>; projects: Map<ProjectData, Heading> }[] {
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
	if (data.title.trim() !== "") {
		blocks.push(`# ${escapeInline(data.title)}`);
		slugger.slug(data.title);
	}
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
		blocks.push(`### ${escapeInline(section.heading)}`);
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
				const fields = projectFields(project);
				if (fields.length > 0) blocks.push(fields.join("\n"));
			}
		});
	}
	return `${blocks.join("\n\n")}\n`;
}
