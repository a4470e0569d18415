import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/**
 * User Markdown as HTML that is safe to put in a page: raw HTML in the Markdown is dropped
 * (remark-rehype ignores it), and rehype-sanitize's GitHub schema keeps only safe elements,
 * attributes and URL protocols, so `<script>`, `onerror=` and `javascript:` links never survive.
 */
export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === "") return "";
  return String(processor.processSync(markdown));
}

/** The start of a Markdown text as plain words, for a card: links keep their text, syntax goes. */
export function markdownSummary(markdown: string, maxLength = 220): string {
  const plain = markdown
    // What a script or style element holds is code, not words: it goes with its tags.
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_#>~|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength - 20)).trimEnd()}…`;
}
