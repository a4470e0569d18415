import type { PhaseKind } from "../domain/phases.ts";

/** A mentor as the page names them; any part may be missing. */
export interface Mentor {
  name: string | null;
  handle: string | null;
  email: string | null;
}

/** A field the canonical format has no slot for ("Mentee", "Bonus Task", ...), kept so nothing is lost. */
export interface ExtraField {
  label: string;
  /** Markdown as written, without the label. */
  text: string;
}

/** One project as the writer needs it; the lead can build it from database rows. */
export interface ProjectData {
  title: string;
  /** Sub-group inside the organization (e.g. "SIG Storage"), when the page has one. */
  group?: string | null;
  /** Markdown between the heading and the fields. */
  intro?: string | null;
  /** Markdown. */
  description: string | null;
  /** Markdown. */
  expectedOutcome: string | null;
  /** Normalized tags, e.g. "go", "kubernetes". */
  skills: string[];
  /** The skills as written (Markdown); tags are derived from it. */
  skillsText: string | null;
  mentors: Mentor[];
  /** Lines of the mentor field that name no mentor ("X and Y from Grafana also available to help"). */
  mentorNotes?: string[];
  upstreamIssues: string[];
  /** External program link (LFX Mentorship project URL). */
  url: string | null;
  extraFields?: ExtraField[];
}

/** An organization (a CNCF project such as Harbor) and its projects for the term. */
export interface OrganizationData {
  name: string;
  /** Markdown between the organization heading and its first project. */
  intro?: string | null;
  projects: ProjectData[];
}

/** One timeline row: what happens, and the date as written. */
export interface TimelineRowData {
  activity: string;
  text: string;
}

/** A prose section kept verbatim (project instructions, application instructions, ...). */
export interface SectionData {
  heading: string;
  /** Markdown. */
  text: string;
}

/** The plain data a term page is written from. */
export interface TermPageData {
  title: string;
  status: string | null;
  duration: string | null;
  /** Markdown between the title block and the timeline (announcements, blog links). */
  intro?: string | null;
  timeline: TimelineRowData[];
  sections?: SectionData[];
  organizations: OrganizationData[];
}

/** Severity of a lint finding. */
export type Severity = "error" | "warning" | "info";

/** One irregularity found on a page. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** 1-based line in the parsed text. */
  line: number;
  message: string;
}

/** A timeline row with its phase kind and instants (ISO 8601 UTC, or null when unreadable or absent). */
export interface ParsedTimelineRow extends TimelineRowData {
  kind: PhaseKind | null;
  start: string | null;
  end: string | null;
  line: number;
}

/** A project with where it starts on the page. */
export interface ParsedProject extends ProjectData {
  /** 1-based line of the project's heading (or table row). */
  line: number;
}

/** An organization with where it starts on the page. */
export interface ParsedOrganization extends OrganizationData {
  line: number;
  projects: ParsedProject[];
}

/** One entry of the page's table of contents, as written. */
export interface TocEntry {
  text: string;
  /** Anchor without "#", or null for an entry without a link. */
  anchor: string | null;
  /** Nesting depth, 0 for top-level entries. */
  depth: number;
  line: number;
}

/** Everything read from a page: the writable data plus positions, instants, the table of contents and findings. */
export interface ParsedTermPage extends TermPageData {
  timeZone: string;
  /** Year used for dates written without one, or null when none could be inferred. */
  year: number | null;
  timeline: ParsedTimelineRow[];
  organizations: ParsedOrganization[];
  toc: TocEntry[];
  findings: Finding[];
}

/** Options of parseTermPage. */
export interface ParseOptions {
  /** IANA zone of the term; defaults to America/Los_Angeles (the CNCF program's zone). */
  timeZone?: string;
  /** Year for dates written without one; inferred from the title or file name otherwise. */
  year?: number;
  /** Clock for the status check; defaults to the current time. */
  now?: Date;
  /** Shown in error messages; a year in it (".../2024/02-Jun-Aug/README.md") is used for inference. */
  fileName?: string;
}
