/** The project fields the canonical format has a slot for. */
export type FieldKind = "description" | "expectedOutcome" | "skills" | "mentors" | "upstreamIssues" | "url";

interface LabelRule {
  kind: FieldKind;
  pattern: RegExp;
  /** Strong labels may also start a field on a continuation line or in a nested list. */
  strong: boolean;
}

// Labels are compared lower-cased with emphasis removed and spaces collapsed.
const RULES: LabelRule[] = [
  { kind: "description", pattern: /^(project |detailed )?description$/, strong: true },
  { kind: "expectedOutcome", pattern: /^expected (outcome|outcomes|outcome\(s\)|results?)$/, strong: true },
  { kind: "skills", pattern: /^(recommended|recommend|required) skills?(\(s\))?$/, strong: true },
  { kind: "skills", pattern: /^(skills|recommended)$/, strong: false },
  {
    kind: "mentors",
    pattern: /^(mentor\(s\)|mentors\(s\)|mentor\(-s\)|metor\(s\)|mentors|mentor|mentor names?|mentor name\(s\))$/,
    strong: true,
  },
  { kind: "mentors", pattern: /^(potential|primary|secondary|co-?) ?mentors?(\(s\))?$/, strong: false },
  {
    kind: "upstreamIssues",
    pattern: /^(upstream|upstraeam) (issue|issues|issue\(s\))( ?\((url|project url)\))?$/,
    strong: true,
  },
  { kind: "upstreamIssues", pattern: /^((related|relevant|github) )?(issue|issues|issue\(s\))( \(url\))?$/, strong: false },
  { kind: "url", pattern: /^lfx( mentorship)?( project)? (url|link)$/, strong: true },
  { kind: "url", pattern: /^(lfx|apply|community ?bridge project( \(url\))?)$/, strong: false },
];

/** The label the canonical page writes for each field (upstream issues: singular for one link). */
export const CANONICAL_LABELS: Record<FieldKind, readonly string[]> = {
  description: ["Description"],
  expectedOutcome: ["Expected Outcome"],
  skills: ["Recommended Skills"],
  mentors: ["Mentor(s)"],
  upstreamIssues: ["Upstream Issue", "Upstream Issues"],
  url: ["LFX URL"],
};

/** A label split off the start of a line. */
export interface Label {
  /** The label as written, without emphasis and the colon. */
  text: string;
  /** The rest of the line after the colon. */
  rest: string;
}

// "- **Recommended Skills**: x", "Recommended Skills**: x", "**Description:** x", "Upstream Issue (URL):https://…"
const LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*([A-Za-z][A-Za-z0-9 ()/&'_-]{0,60}?)[ \t]*(?:\*\*|__)?[ \t]*:(?!\/\/)(?:\*\*|__)?[ \t]*/;

const BARE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*([A-Za-z][A-Za-z0-9 ()/&'_-]{0,40}?)[ \t]*(?:\*\*|__)?[ \t]*$/;

/**
 * Splits "Label: rest" at the start of a line, or returns null. A line that is only a known
 * label ("- Mentor(s)" above a nested list) counts too, with nothing after it.
 */
export function splitLabel(line: string): Label | null {
  const match = LABEL.exec(line);
  if (match?.[1]) return { text: match[1].replace(/[ \t]+/g, " ").trim(), rest: line.slice(match[0].length) };
  const bare = BARE.exec(line);
  if (bare?.[1] && fieldKind(bare[1], true)) return { text: bare[1].trim(), rest: "" };
  return null;
}

function normalizeLabel(label: string): string {
  // "expectedOutcome" (a YAML habit) is "expected outcome".
  const spaced = label.includes(" ") ? label : label.replace(/([a-z])([A-Z])/g, "$1 $2");
  return spaced.toLowerCase().replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
}

/** The field a label names, or null for labels the format has no slot for. */
export function fieldKind(label: string, strongOnly = false): FieldKind | null {
  const key = normalizeLabel(label);
  for (const rule of RULES) {
    if (strongOnly && !rule.strong) continue;
    if (rule.pattern.test(key)) return rule.kind;
  }
  return null;
}

/** True when a label is written exactly as the canonical page writes it. */
export function isCanonicalLabel(kind: FieldKind, label: string): boolean {
  return CANONICAL_LABELS[kind].includes(label);
}

/** True when text reads like a field label (short, a few words) rather than a sentence. */
export function looksLikeLabel(label: string): boolean {
  return label.split(" ").length <= 8 && !/^(https?|mailto|note|e\.g|i\.e|eg|ie)$/i.test(label);
}

/** One field cut out of a list item or paragraph. */
export interface FieldSegment {
  /** The label as written, or null for text without a label. */
  label: string | null;
  kind: FieldKind | null;
  /** 1-based line of the label. */
  line: number;
  /** The field's lines after the label, not yet dedented. */
  lines: string[];
}

/**
 * Cuts the lines of one list item (or other block) into fields: the first line's label starts the
 * first field, and a strong label at the start of a later line ("Recommended Skills:" as a lazy
 * continuation, or "- Mentor Name:" nested under skills) starts another.
 */
export function splitFields(lines: string[], firstLine: number, anyLabel = true): FieldSegment[] {
  const head = lines[0] ?? "";
  const label = splitLabel(head);
  const known = label ? fieldKind(label.text) : null;
  // In a list item any short label starts a field ("- Mentee: …"); prose needs a label the format knows.
  const first: FieldSegment =
    label && (known || (anyLabel && looksLikeLabel(label.text)))
      ? { label: label.text, kind: known, line: firstLine, lines: [label.rest] }
      : { label: null, kind: null, line: firstLine, lines: [head] };
  const segments = [first];
  let current = first;
  // "- Recommended Skills: - Mentor(s): …", "Mentor(s): Mentor(s): …": a field written on another's
  // label line is its own field, as it will be once rewritten on a line of its own.
  for (let inner = splitLabel(current.lines[0] ?? ""); inner && current.label !== null; inner = splitLabel(current.lines[0] ?? "")) {
    const kind = fieldKind(inner.text, true);
    if (!kind) break;
    current.lines[0] = "";
    current = { label: inner.text, kind, line: firstLine, lines: [inner.rest] };
    segments.push(current);
  }
  let fence: string | null = null;
  // The head label is the item's own; anything on a later line is below it.
  let currentIndent = -1;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    // Nothing inside a fenced code block is a label.
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    if (fence !== null || marker) {
      current.lines.push(line);
      continue;
    }
    const nested = splitLabel(line);
    // Inside prose only strong labels start a field; after a list of mentors or links any label does.
    const prose = current.kind === null || current.kind === "description" || current.kind === "expectedOutcome";
    const kind = nested ? fieldKind(nested.text, prose) : null;
    // A mentor field's own list items ("  - Primary Mentor: …"), nested below its label, are its
    // entries whatever they say; a sibling item ("  - Upstream Issue: …") is the next field.
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, "    ").length ?? 0;
    const below = /^\s*[-*+]\s/.test(line) && indent > currentIndent;
    const mentorItem = current.kind === "mentors" && (kind === "mentors" || below);
    if (nested && kind && !mentorItem) {
      current = { label: nested.text, kind, line: firstLine + index, lines: [nested.rest] };
      currentIndent = indent;
      segments.push(current);
    } else current.lines.push(line);
  }
  return segments;
}
