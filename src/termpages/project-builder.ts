import { APPLICATION_SITES } from "../domain/application-sites.ts";
import { CANONICAL_LABELS, type FieldKind, type FieldSegment, isCanonicalLabel } from "./fields.ts";
import { projectFieldProblems } from "./limits.ts";
import { extractLinks, isValidUrl } from "./links.ts";
import { finding } from "./lint-rules.ts";
import { dedentLines } from "./markdown.ts";
import { parseMentors } from "./mentors.ts";
import { extractSkills } from "./skills.ts";
import type { ExtraField, Finding, Mentor, ParsedProject } from "./types.ts";

const PROGRAM_HOSTS = new Set(Object.keys(APPLICATION_SITES));

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/** Appends Markdown; consecutive list items stay one tight list. */
function join(a: string | null, b: string): string {
  if (b === "") return a ?? "";
  if (a === null || a === "") return b;
  const lastLine = a.slice(a.lastIndexOf("\n") + 1);
  return LIST_ITEM.test(lastLine) && LIST_ITEM.test(b) ? `${a}\n${b}` : `${a}\n\n${b}`;
}

/** Collects one project's fields as they are read, then checks what is missing. */
export class ProjectBuilder {
  intro: string | null = null;
  description: string | null = null;
  expectedOutcome: string | null = null;
  skillsText: string | null = null;
  mentors: Mentor[] = [];
  mentorNotes: string[] = [];
  upstreamIssues: string[] = [];
  url: string | null = null;
  extras: ExtraField[] = [];
  readonly findings: Finding[] = [];
  private readonly seen = new Set<FieldKind>();
  /** Where text that follows a field without a label goes. */
  private textTarget: "description" | "expectedOutcome" | "skills" | "mentors" | "upstreamIssues" | ExtraField | null = null;

  constructor(
    readonly title: string,
    readonly line: number,
    private readonly headingUrl: string | null,
  ) {}

  /** True once any field other than the description is set: another Description starts a new project. */
  hasFieldsBeyondDescription(): boolean {
    return [...this.seen].some((kind) => kind !== "description");
  }

  /** Adds Markdown that carries no label: before any field it introduces the project, after one it continues it. */
  addText(markdown: string, isItem = false, isCode = false): void {
    if (markdown === "") return;
    const target = this.textTarget;
    if (this.seen.size === 0 && this.extras.length === 0) this.intro = join(this.intro, markdown);
    // Code after the mentors or links names no one and links nothing; it falls to the notes below.
    else if (target === "mentors" && !isCode) this.addMentors(markdown, this.line);
    else if (target === "upstreamIssues" && isItem) this.addIssues(markdown, this.line);
    else if (target === "description") this.description = join(this.description, markdown);
    else if (target === "expectedOutcome") this.expectedOutcome = join(this.expectedOutcome, markdown);
    else if (target === "skills") this.skillsText = join(this.skillsText, markdown);
    else if (target && typeof target === "object") target.text = join(target.text, markdown);
    else {
      // Prose after the mentors or links has no field to belong to; it is kept under its own label.
      const notes: ExtraField = { label: "Notes", text: markdown };
      this.extras.push(notes);
      this.textTarget = notes;
    }
  }

  /** Applies one labelled field. */
  addField(segment: FieldSegment): void {
    const markdown = dedentLines(segment.lines);
    const { kind, label } = segment;
    if (!kind || !label) {
      const extra: ExtraField = { label: label ?? "Notes", text: markdown };
      this.extras.push(extra);
      this.textTarget = extra;
      this.findings.push(finding("unknown-field", segment.line, `"${label}" is not a field of the canonical format; kept as an extra field`));
      return;
    }
    if (!isCanonicalLabel(kind, label.replace(/[*_]/g, ""))) {
      const canonical = CANONICAL_LABELS[kind].map((text) => `"${text}"`).join(" or ");
      this.findings.push(finding("field-label-variant", segment.line, `"${label}" is written for ${canonical}`));
    }
    this.seen.add(kind);
    this.textTarget = null;
    if (kind === "description") {
      this.description = join(this.description, markdown);
      this.textTarget = "description";
    } else if (kind === "expectedOutcome") {
      this.expectedOutcome = join(this.expectedOutcome, markdown);
      this.textTarget = "expectedOutcome";
    } else if (kind === "skills") {
      const single = !markdown.includes("\n") && this.skillsText !== null && !this.skillsText.includes("\n");
      this.skillsText = single ? `${this.skillsText}; ${markdown}` : join(this.skillsText, markdown);
      this.textTarget = "skills";
    } else if (kind === "mentors") {
      // The raw lines keep their places, so a bad address is reported on its own line.
      this.addMentors(segment.lines.join("\n"), segment.line);
      this.textTarget = "mentors";
    } else if (kind === "upstreamIssues") {
      this.addIssues(markdown, segment.line);
      this.textTarget = "upstreamIssues";
    } else this.addUrl(markdown, label, segment.line);
  }

  private addMentors(markdown: string, line: number): void {
    const parsed = parseMentors(markdown);
    const at = (index: number) => line + index;
    for (const mentor of parsed.mentors) {
      const same = this.mentors.find(
        (other) =>
          (mentor.handle && other.handle?.toLowerCase() === mentor.handle.toLowerCase()) ||
          (mentor.email && other.email?.toLowerCase() === mentor.email.toLowerCase()) ||
          (!mentor.handle && !mentor.email && mentor.name && other.name === mentor.name),
      );
      // A mentor named twice (two Mentor(s) fields) is one person; the second mention may complete the first.
      if (!same) this.mentors.push({ ...mentor });
      else {
        same.name ??= mentor.name;
        same.handle ??= mentor.handle;
        same.email ??= mentor.email;
      }
    }
    this.mentorNotes.push(...parsed.notes);
    for (const { text: email, index } of parsed.malformedEmails) {
      const hint = /^mailto/i.test(email) ? ` (a pasted "mailto:" link? the address would be ${email.replace(/^mailto:?/i, "")})` : "";
      this.findings.push(finding("malformed-email", at(index), `"${email}" is not a valid email address${hint}`));
    }
    for (const { text, index } of parsed.obfuscatedEmails) {
      this.findings.push(finding("obfuscated-email", at(index), `"${text}" is an obfuscated email address`));
    }
  }

  private addIssues(markdown: string, line: number): void {
    const links = extractLinks(markdown);
    for (const url of links.urls) if (!this.upstreamIssues.includes(url)) this.upstreamIssues.push(url);
    for (const bad of links.malformed) this.findings.push(finding("malformed-url", line, `upstream issue "${bad}" is not a valid http(s) URL`));
  }

  private addUrl(markdown: string, label: string, line: number): void {
    const links = extractLinks(markdown);
    for (const bad of links.malformed) this.findings.push(finding("malformed-url", line, `program link "${bad}" is not a valid http(s) URL`));
    const [url] = links.urls;
    if (!url) return;
    // A second program link has no slot; it stays as written rather than being dropped.
    if (this.url !== null && this.url !== url) this.extras.push({ label, text: markdown });
    else this.url = url;
  }

  /** The finished project with the findings about what it lacks. */
  build(): { project: ParsedProject; findings: Finding[] } {
    const findings = [...this.findings];
    const url = this.url ?? (this.headingUrl && isValidUrl(this.headingUrl) ? this.headingUrl : null);
    const skillsText = this.skillsText === "" ? null : this.skillsText;
    // Prose under the heading with no Description field is the description ("Enhance flag support…").
    const unlabelled = !this.description && this.intro !== null;
    const project: ParsedProject = {
      title: this.title,
      line: this.line,
      intro: unlabelled ? null : this.intro,
      description: unlabelled ? this.intro : this.description === "" ? null : this.description,
      expectedOutcome: this.expectedOutcome === "" ? null : this.expectedOutcome,
      skills: skillsText ? extractSkills(skillsText) : [],
      skillsText,
      mentors: this.mentors,
      mentorNotes: this.mentorNotes,
      upstreamIssues: this.upstreamIssues,
      url,
      extraFields: this.extras,
    };
    const name = `"${this.title}"`;
    if (!project.description) findings.push(finding("missing-description", this.line, `${name} has no Description`));
    if (!project.expectedOutcome) findings.push(finding("missing-expected-outcome", this.line, `${name} has no Expected Outcome`));
    if (!skillsText) findings.push(finding("missing-skills", this.line, `${name} has no Recommended Skills`));
    if (project.mentors.length === 0) findings.push(finding("missing-mentor", this.line, `${name} names no mentor`));
    if (project.upstreamIssues.length === 0) findings.push(finding("missing-upstream-issue", this.line, `${name} links no upstream issue`));
    if (!url) findings.push(finding("missing-program-link", this.line, `${name} has no LFX URL`));
    else if (!PROGRAM_HOSTS.has(new URL(url).hostname)) {
      findings.push(finding("unexpected-program-link", this.line, `${name}: program link ${url} is not an LFX Mentorship page`));
    }
    for (const problem of projectFieldProblems(project)) findings.push(finding(problem.rule, this.line, `${name}: ${problem.message}`));
    return { project, findings };
  }
}
