import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { MAX_FIELD_CONTAINERS, MAX_FIELD_LENGTH, markdownProblem, remarkWithoutRescans } from "../termpages/index.ts";

// The GFM constructs that rescan at every character are off, as in the term-page parser.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkWithoutRescans).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/**
 * User Markdown as HTML that is safe to put in a page: raw HTML in the Markdown is dropped
 * (remark-rehype ignores it), and rehype-sanitize's GitHub schema keeps only safe elements,
 * attributes and URL protocols, so `<script>`, `onerror=` and `javascript:` links never survive.
 */
export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === "") return "";
  // The pipeline recurses once per nested block and slows with many blocks: text over the import's
  // bounds (a row stored before they existed) is shown as escaped text, never parsed.
  if (markdownProblem(markdown, MAX_FIELD_LENGTH.description, MAX_FIELD_CONTAINERS)) return `<p>${escapeHtml(markdown)}</p>`;
  return String(processor.processSync(markdown));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : "&quot;"));
}

/** A project's Markdown as stored beside it when it is written, so that no read renders anything. */
export interface RenderedProjectText {
  descriptionHtml: string;
  expectedOutcomeHtml: string;
  summary: string;
}

/** Renders a project's description and expected outcome, and its card summary, once, for storing. */
export function renderProjectText(project: { description: string; expectedOutcome: string }): RenderedProjectText {
  return {
    descriptionHtml: renderMarkdown(project.description),
    expectedOutcomeHtml: renderMarkdown(project.expectedOutcome),
    summary: markdownSummary(project.description),
  };
}

// Each pattern stops at the next character that could start another match, so every character is
// read a bounded number of times: `[^\]]*` would rescan the rest of the text from every "[".
const TAG = /<[^<>]*>/g;
const IMAGE = /!\[[^[\]]*\]\([^()]*\)/g;
const LINK = /\[([^[\]]*)\]\([^()]*\)/g;

/** The start of a Markdown text as plain words, for a card: links keep their text, syntax goes. */
export function markdownSummary(markdown: string, maxLength = 220): string {
  const plain = dropElements(markdown, ["script", "style"])
    .replace(TAG, " ")
    .replace(IMAGE, " ")
    .replace(LINK, "$1")
    .replace(/[`*_#>~|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength - 20)).trimEnd()}…`;
}

/**
 * Removes script and style elements with what they hold (code, not words), in one pass: once an
 * element has no closing tag further on, no later one of its name is looked for again.
 */
function dropElements(text: string, names: readonly string[]): string {
  const opening = new RegExp(`<(${names.join("|")})\\b[^<>]*>`, "gi");
  const unclosed = new Set<string>();
  let out = "";
  let from = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const name = (match[1] ?? "").toLowerCase();
    if (unclosed.has(name)) continue;
    const closing = new RegExp(`</${name}\\s*>`, "gi");
    closing.lastIndex = opening.lastIndex;
    const close = closing.exec(text);
    if (!close) {
      unclosed.add(name);
      continue;
    }
    out += `${text.slice(from, match.index)} `;
    from = closing.lastIndex;
    opening.lastIndex = from;
  }
  return out + text.slice(from);
}
